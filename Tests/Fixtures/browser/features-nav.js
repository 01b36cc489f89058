// Test fixture: puts features.html into the navigation the built site's nav.js declares.
window.LABSITE_NAV = (window.LABSITE_NAV || []).concat([{
  "title": "기능 시험 페이지", "url": "features.html",
  "steps": [
    { "id": "step-1", "number": 1, "title": "1. 추적 만들기" },
    { "id": "step-2", "number": 2, "title": "2. 로그 확인하기" },
    { "id": "step-3", "number": 3, "title": "3. 정리하기" }
  ]
}]);
