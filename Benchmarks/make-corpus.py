#!/usr/bin/env python3
"""Generate a deterministic benchmark corpus of Korean lab handouts.

Usage: make-corpus.py N OUTDIR [--seed S] [--page-bytes B] [--hugo-layout minimal|sidebar|sidebar-active]

Writes two equivalent sites:

  OUTDIR/labsite/content/site.yml
  OUTDIR/labsite/content/p/00001.md ... p/NNNNN.md      (labsite source tree)

  OUTDIR/hugo/hugo.toml
  OUTDIR/hugo/layouts/_default/{baseof,single,list}.html
  OUTDIR/hugo/content/p/00001.md ...                    (same pages for Hugo)

The output depends only on N, the seed and the page size: no timestamps, no
randomness from the environment (each page has its own RNG, seeded from the
seed and the page number; pages link to other pages, so page K's text also
depends on N).

Differences between the two trees (everything else is byte-identical):
  * Links.  labsite pages link by source path (`[다음 실습](00013.md#step-3)`);
    Hugo would fail or mis-link on `.md` targets, so the Hugo copy links to the
    rendered URL (`[다음 실습](00013.html#step-3)`).  Hugo runs with
    uglyURLs = true so that both tools write p/00013.html (same file layout,
    no extra directory per page) instead of Hugo's default p/00013/index.html.
  * Step anchors.  labsite derives `step-N` from `## N. 제목`; Hugo's goldmark
    would derive `n-제목`, so the Hugo copy spells the id out with a heading
    attribute: `## 3. 제목 {#step-3}`.
  * Front matter is the same (title, order, summary); Hugo sorts the sidebar
    by the `order` param.

Known differences in the rendered output (not in the input):
  * `**[경보 생성]**을`: CommonMark does not close emphasis between
    punctuation and a following letter, and Hugo 0.111's goldmark follows it,
    so Hugo prints those `**` literally.  labsite is expected to render bold.
  * The Hugo layouts are ours (layouts/_default/{baseof,single,list}.html),
    and --hugo-layout chooses them:
      minimal (default, what Benchmarks/run.sh uses): each page is its title
        and its content, no navigation.  labsite's sidebar is one shared
        script (assets/nav.js), so the fair Hugo counterpart writes no
        per-page sidebar either.
      sidebar: every page also gets a sidebar listing all pages, rendered
        once (partialCached) and pasted into each page, as Docsy does past
        its sidebar_cache_limit.  The output grows as pages^2.
      sidebar-active: the same sidebar rendered for every page with a
        "current page" mark, as most docs themes do: pages^2 template work.
    In all of them the p/ section page (p.html) lists all pages with their
    summaries.  labsite's own templates decide its markup, so output sizes
    are comparable, not equal.
"""

import argparse
import os
import random
import re
import shutil
import sys

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

# (display name, whether its Korean reading ends in a final consonant)
SERVICES = [
    ("Amazon EC2", False),  # 이씨투
    ("Amazon S3", False),  # 에스쓰리
    ("AWS IAM", True),  # 아이엠
    ("Amazon CloudWatch", False),  # 클라우드워치
    ("AWS Lambda", False),  # 람다
    ("Amazon VPC", False),  # 브이피씨
    ("Amazon RDS", False),  # 알디에스
    ("Amazon DynamoDB", False),  # 다이나모디비
    ("Amazon SNS", False),  # 에스엔에스
    ("AWS CloudFormation", True),  # 클라우드포메이션
    ("Amazon API Gateway", False),  # 게이트웨이
    ("AWS Systems Manager", False),  # 매니저
]

CONSOLE_BUTTONS = [
    "인스턴스 시작", "버킷 만들기", "역할 생성", "정책 연결", "경보 생성",
    "함수 생성", "보안 그룹 편집", "저장", "다음", "검토 및 생성", "스택 생성",
    "주제 생성", "구독 생성", "테이블 생성", "변경 사항 저장", "규칙 추가",
    "업로드", "배포", "테스트", "사용자 추가", "키 페어 생성", "생성",
    "확인", "삭제", "인바운드 규칙 편집", "권한 추가", "정책 생성", "연결",
    "대시보드 생성", "지표 선택", "엔드포인트 생성", "로그 그룹 생성",
]

CONSOLE_MENUS = [
    "인스턴스", "버킷", "역할", "정책", "경보", "함수", "보안 그룹", "스택",
    "주제", "구독", "테이블", "사용자", "키 페어", "서브넷", "라우팅 테이블",
    "인터넷 게이트웨이", "로그 그룹", "대시보드", "파라미터 스토어", "스냅샷",
    "볼륨", "대상 그룹", "로드 밸런서", "속성", "권한", "모니터링", "태그",
]

# console field -> plausible values typed into it
FIELDS = {
    "이름": ["lab-user", "lab-vpc", "lab-sg", "web-server"],
    "설명": ["handout", "Allow HTTP from anywhere"],
    "버킷 이름": ["lab-bucket", "lab-static-site", "lab-logs"],
    "역할 이름": ["lab-role", "lab-lambda-role", "lab-ec2-ssm-role"],
    "정책 이름": ["lab-policy", "lab-s3-read-only"],
    "함수 이름": ["lab-function", "lab-hello", "lab-thumbnail"],
    "경보 이름": ["lab-alarm", "lab-cpu-high"],
    "임계값": ["80", "70.0", "5"],
    "키": ["Name", "Project", "Owner"],
    "값": ["handout", "cloud-lab", "student"],
    "런타임": ["python3.12", "nodejs20.x"],
    "인스턴스 유형": ["t3.micro", "t2.micro"],
    "테이블 이름": ["lab-table", "lab-orders"],
    "파티션 키": ["id", "userId", "pk"],
    "IPv4 CIDR 블록": ["10.0.0.0/16", "10.0.1.0/24", "10.0.2.0/24"],
    "프로토콜": ["HTTPS", "email"],
    "포트 범위": ["80", "443", "22"],
    "소스": ["0.0.0.0/0", "10.0.0.0/16"],
    "주제 이름": ["lab-topic", "lab-alerts"],
}
NAME_FIELDS = ["이름", "버킷 이름", "역할 이름", "정책 이름", "함수 이름",
               "경보 이름", "테이블 이름", "주제 이름"]

STATES = ["사용 가능", "실행 중", "활성", "완료", "정상", "CREATE_COMPLETE"]

RESOURCES = [
    "인스턴스", "버킷", "IAM 역할", "정책", "경보", "함수", "보안 그룹",
    "스택", "SNS 주제", "구독", "테이블", "사용자", "키 페어", "서브넷",
    "로그 그룹", "대시보드", "엔드포인트", "스냅샷", "볼륨", "로드 밸런서",
]

TOPICS = [
    "정적 웹 사이트 호스팅", "경보로 인스턴스 모니터링하기", "최소 권한 정책 만들기",
    "서버리스 API 만들기", "퍼블릭 서브넷과 프라이빗 서브넷 구성", "백업과 복원",
    "이벤트 기반 알림 보내기", "스택으로 인프라 배포하기", "로그 수집과 분석",
    "버전 관리와 수명 주기 규칙", "보안 그룹 규칙 설계", "읽기 전용 복제본 만들기",
    "태그로 비용 추적하기", "세션 관리자로 접속하기", "교차 계정 역할 위임",
    "지표 필터와 대시보드", "자동 확장 그룹 구성", "테이블 설계와 쿼리",
]

LEVELS = ["기초", "실습", "심화", "응용", "복습"]

PURPOSES = [
    "이후 단계에서 사용할 기본 환경을 준비한다",
    "실습 중에 생긴 오류를 빠르게 찾을 수 있게 한다",
    "다른 사용자가 리소스를 실수로 변경하지 못하게 막는다",
    "비용이 예상보다 많이 나오지 않도록 한다",
    "애플리케이션이 필요한 권한만 갖도록 제한한다",
    "장애가 생겼을 때 담당자에게 알림이 가도록 한다",
    "같은 구성을 여러 번 반복해서 만들 수 있게 한다",
    "외부에서 들어오는 트래픽을 필요한 포트로만 제한한다",
]

NOTES = [
    "생성이 완료될 때까지 1~2분 정도 걸릴 수 있다.",
    "콘솔 화면은 업데이트에 따라 조금씩 달라질 수 있으므로 버튼 이름을 기준으로 찾는다.",
    "실습이 끝나면 요금이 계속 부과되지 않도록 만든 리소스를 반드시 삭제한다.",
    "이름에는 소문자, 숫자, 하이픈만 사용하는 것이 안전하다.",
    "오류 메시지가 나타나면 입력한 값에 공백이 섞여 있지 않은지 먼저 확인한다.",
    "권한 변경이 반영되기까지 몇 초 정도 걸릴 수 있으므로 잠시 기다렸다가 다시 시도한다.",
    "같은 이름의 리소스가 이미 있으면 뒤에 본인의 학번을 붙여 이름이 겹치지 않게 한다.",
    "기본값을 그대로 두어도 되는 항목은 따로 설명하지 않는다.",
    "화면 오른쪽 위에 표시된 리전이 실습 안내와 같은지 항상 먼저 확인한다.",
    "목록에 새 항목이 보이지 않으면 새로 고침 아이콘을 눌러 목록을 다시 불러온다.",
]

SUBHEADINGS = [
    "확인", "참고", "주의 사항", "문제 해결", "결과 확인", "정리",
    "추가 과제", "개념 설명", "왜 이렇게 하는가", "자주 하는 실수",
]


# ---------------------------------------------------------------------------
# Korean particles
# ---------------------------------------------------------------------------


def has_final(word):
    """True if the last Hangul syllable of word has a final consonant."""
    ch = word[-1]
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3:
        return (code - 0xAC00) % 28 != 0
    # Latin letters / digits: approximate by the usual Korean reading.
    return ch.lower() in "013678lmn"


def eul(word):
    return "을" if has_final(word) else "를"


def i_ga(word):
    return "이" if has_final(word) else "가"


def euro(word):
    ch = word[-1]
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3:
        final = (code - 0xAC00) % 28
        return "로" if final in (0, 8) else "으로"  # 0 = none, 8 = ㄹ
    return "로"


def svc_eun(svc):
    name, final = svc
    return name + ("은" if final else "는")


def svc_eul(svc):
    name, final = svc
    return name + ("을" if final else "를")


# ---------------------------------------------------------------------------
# Page model
# ---------------------------------------------------------------------------


def page_rng(seed, number, what="page"):
    # str seeds are hashed with SHA-512 by random.seed: stable across runs,
    # platforms and Python versions (>= 3.2), unlike hash().
    return random.Random(f"labsite-bench:{seed}:{what}:{number}")


def step_count(seed, number):
    return page_rng(seed, number, "steps").randint(3, 5)


def page_name(number):
    return f"{number:05d}"


class Sentences:
    def __init__(self, rng, svc, number):
        self.rng = rng
        self.svc = svc
        self.number = number
        self.last = None

    def bold(self, label):
        return f"**[{label}]**"

    def code(self, value):
        return f"`{value}`"

    def one(self):
        r = self.rng
        btn = r.choice(CONSOLE_BUTTONS)
        menu = r.choice(CONSOLE_MENUS)
        field = r.choice(list(FIELDS))
        value = r.choice(FIELDS[field])
        name_field = r.choice(NAME_FIELDS)
        name_value = r.choice(FIELDS[name_field])
        res = r.choice(RESOURCES)
        state = r.choice(STATES)
        svc = self.svc
        other = r.choice(SERVICES)
        options = [
            lambda: f"{svc[0]} 콘솔을 열고 {self.bold(btn)}{eul(btn)} 클릭한다.",
            lambda: f"왼쪽 탐색 창에서 {self.bold(menu)}{eul(menu)} 선택한다.",
            lambda: f"{self.bold(field)} 필드에 {self.code(value)} 값을 입력한다.",
            lambda: f"목록에서 방금 만든 {res}{eul(res)} 선택하고 {self.bold(btn)}{eul(btn)} 누른다.",
            lambda: f"상태가 {self.bold(state)}{euro(state)} 바뀌면 다음 단계로 진행한다.",
            lambda: f"이 단계에서는 {res}{eul(res)} 만들어 {r.choice(PURPOSES)}.",
            lambda: f"{svc_eun(svc)} 이 실습에서 {res}{eul(res)} 관리하는 데 쓰인다.",
            lambda: f"{svc_eul(svc)} 처음 사용한다면 {other[0]} 콘솔에서 권한이 있는지 먼저 확인한다.",
            lambda: f"{self.bold(menu)} 탭에서 {self.bold(field)} 값이 {self.code(value)}인지 확인한다.",
            lambda: f"화면 아래쪽의 {self.bold(btn)} 버튼을 클릭하면 설정이 적용된다.",
            lambda: "리전이 **아시아 태평양(서울) ap-northeast-2**인지 확인한다.",
            lambda: f"터미널에서 {self.code('aws sts get-caller-identity')} 명령으로 현재 자격 증명을 확인할 수 있다.",
            lambda: r.choice(NOTES),
            lambda: f"{res}{i_ga(res)} 목록에 나타나지 않으면 {self.bold(menu)} 화면을 새로 고친다.",
            lambda: f"이렇게 하면 {r.choice(PURPOSES)}.",
            lambda: f"{self.bold(name_field)}은 나중에 바꿀 수 없으므로 {self.code(f'{name_value}-{self.number:05d}')}처럼 알아보기 쉬운 값을 쓴다.",
        ]
        # Never use the same sentence pattern twice in a row.
        while True:
            i = r.randrange(len(options))
            if i != self.last:
                self.last = i
                return options[i]()

    def paragraph(self, lo=2, hi=4):
        return " ".join(self.one() for _ in range(self.rng.randint(lo, hi)))


def code_block(rng, number):
    name = page_name(number)
    if rng.random() < 0.5:
        action = rng.choice(["s3:GetObject", "s3:PutObject", "logs:PutLogEvents",
                             "dynamodb:GetItem", "sns:Publish", "ec2:DescribeInstances"])
        return "\n".join([
            "```json",
            "{",
            '  "Version": "2012-10-17",',
            '  "Statement": [',
            "    {",
            '      "Sid": "LabAccess",',
            '      "Effect": "Allow",',
            f'      "Action": ["{action}"],',
            f'      "Resource": "arn:aws:s3:::lab-bucket-{name}/*"',
            "    }",
            "  ]",
            "}",
            "```",
        ])
    lines = ["```bash"]
    cmds = [
        f"aws s3 mb s3://lab-bucket-{name} --region ap-northeast-2",
        f"aws s3 cp index.html s3://lab-bucket-{name}/",
        "aws ec2 describe-instances --filters Name=tag:Project,Values=handout",
        f"aws cloudwatch describe-alarms --alarm-names lab-alarm-{name}",
        f"aws iam get-role --role-name lab-role-{name}",
        f"aws lambda invoke --function-name lab-function-{name} out.json",
        "cat out.json | python3 -m json.tool",
    ]
    start = rng.randrange(len(cmds) - 2)
    lines += cmds[start:start + rng.randint(2, 3)]
    lines.append("```")
    return "\n".join(lines)


def make_links(rng, seed, number, total):
    """2-4 links to other pages: (target number, anchor or None, label)."""
    if total < 2:
        return []
    targets = [(number % total + 1, "다음 실습")]
    if total > 2:
        targets.append(((number - 2) % total + 1, "이전 실습"))
    for _ in range(rng.randint(0, 2)):
        t = rng.randint(1, total)
        if t != number and t not in [x for x, _ in targets]:
            targets.append((t, rng.choice(["관련 실습", "앞의 설명", "준비 과정", "참고 자료"])))
    links = []
    for t, label in targets:
        if rng.random() < 0.5:
            step = rng.randint(1, step_count(seed, t))
            links.append((t, f"step-{step}", f"{label}의 {step}단계"))
        else:
            links.append((t, None, label))
    return links


# Flavor-neutral placeholders, substituted by to_flavor().
LINK_RE = re.compile(r"\x00L(\d+)(#[\w-]+)?\x00")
STEP_RE = re.compile(r"\x00S(\d+)\x00")


def to_flavor(text, flavor):
    ext = ".md" if flavor == "labsite" else ".html"
    text = LINK_RE.sub(lambda m: page_name(int(m.group(1))) + ext + (m.group(2) or ""), text)
    if flavor == "hugo":
        return STEP_RE.sub(lambda m: " {#step-" + m.group(1) + "}", text)
    return STEP_RE.sub("", text)


def render_page(seed, number, total, page_bytes):
    """Return the page with placeholders for links and step ids."""
    rng = page_rng(seed, number)
    svc = rng.choice(SERVICES)
    topic = rng.choice(TOPICS)
    level = rng.choice(LEVELS)
    title = f"{svc[0]} {topic} ({level})"
    summary = f"{svc_eul(svc)} 사용해 '{topic}' 과정을 단계별로 따라 한다."
    s = Sentences(rng, svc, number)
    steps = step_count(seed, number)
    links = make_links(rng, seed, number, total)
    code_step = rng.randint(1, steps)

    # One link in the intro, the rest in random steps.
    link_at = {0: links[:1]}
    for l in links[1:]:
        link_at.setdefault(rng.randint(1, steps), []).append(l)

    def link_sentence(l):
        t, anchor, label = l
        lt = f"[{label}](\x00L{t}{'#' + anchor if anchor else ''}\x00)"
        return rng.choice([
            f"자세한 내용은 {lt}{eul(label)} 참고한다.",
            f"아직 준비하지 않았다면 {lt}부터 진행한다.",
            f"같은 설정을 {lt}에서도 사용한다.",
        ])

    head = ["---", f"title: {title}", f"order: {number}", f"summary: {summary}", "---", ""]
    intro = s.paragraph(2, 3)
    for l in link_at.get(0, []):
        intro += " " + link_sentence(l)
    head += [intro, ""]

    headings = {}
    body = {}  # step -> list of blocks
    for k in range(1, steps + 1):
        if rng.random() < 0.3:
            headings[k] = f"## {k}. {rng.choice(CONSOLE_BUTTONS)} 단계"
        else:
            headings[k] = (f"## {k}. {rng.choice(RESOURCES)} "
                           f"{rng.choice(['만들기', '설정하기', '확인하기', '연결하기', '정리하기'])}")
        blocks = [s.paragraph(1, 2)]
        if k == code_step:
            block = code_block(rng, number)
            blocks.append("다음 정책 문서를 편집기에 붙여 넣는다." if block.startswith("```json")
                          else "터미널에서 다음 명령을 실행한다.")
            blocks.append(block)
        for l in link_at.get(k, []):
            blocks.append(link_sentence(l))
        body[k] = blocks
    sub_at = set(rng.sample(range(1, steps + 1), k=rng.randint(1, 2)))

    def assemble():
        out = list(head)
        for k in range(1, steps + 1):
            out += [headings[k] + f"\x00S{k}\x00", ""]
            for b in body[k]:
                out += [b, ""]
        return "\n".join(out).rstrip("\n") + "\n"

    # Filler paragraphs and lists are added round-robin to the steps until
    # the page reaches page_bytes.
    k = 1
    for _ in range(200):
        if len(assemble().encode("utf-8")) >= page_bytes:
            break
        kind = rng.random()
        # Two lists in a row would merge into one loose list: put prose between.
        if kind < 0.45 or body[k][-1].startswith(("- ", "1. ")):
            block = s.paragraph()
        elif kind < 0.75:
            block = "\n".join(f"{i}. {s.one()}" for i in range(1, rng.randint(3, 5)))
        else:
            block = "\n".join(f"- {s.one()}" for _ in range(rng.randint(2, 4)))
        if k in sub_at and not any(b.startswith("### ") for b in body[k]):
            body[k].append("### " + rng.choice(SUBHEADINGS))
        body[k].append(block)
        k = k % steps + 1
    return assemble()


# ---------------------------------------------------------------------------
# Hugo site skeleton
# ---------------------------------------------------------------------------

HUGO_TOML = """\
baseURL = "https://example.org/"
languageCode = "ko"
defaultContentLanguage = "ko"
hasCJKLanguage = true
title = "{title}"
uglyURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
enableRobotsTXT = false

[markup.goldmark.renderer]
  unsafe = false

[markup.goldmark.parser]
  autoHeadingID = true

[markup.goldmark.parser.attribute]
  title = true

[markup.highlight]
  codeFences = false
"""

BASEOF = """\
<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
</head>
<body>
%s<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

NAV = """\
<nav class="sidebar">
%s
</nav>
"""

# --hugo-layout=sidebar: the list of all pages is rendered once and pasted into
# every page, as Docsy does for large sites (sidebar_cache_limit); no per-page
# "active" mark.  This is the fastest way to make Hugo emit it.
SIDEBAR_CALL_CACHED = '{{ partialCached "sidebar.html" . }}'
SIDEBAR_PARTIAL = """\
<ul>
{{- range .Site.RegularPages.ByParam "order" }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
"""

# --hugo-layout=sidebar-active: rendered for every page, marking the current
# one, as most docs themes do for small sites.  Quadratic template work.
SIDEBAR_ACTIVE = """\
<ul>
{{- $cur := . }}
{{- range .Site.RegularPages.ByParam "order" }}
<li{{ if eq . $cur }} class="active"{{ end }}><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>"""

# A page is its title and its content: the minimal layout the build-speed goal
# names.  labsite's theme adds a summary line, a table of contents and its
# navigation to each page; Hugo is given the least work that shows the page.
SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{- range .RegularPages.ByParam "order" }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>
{{- end }}
</ul>
{{ end }}
"""

SITE_TITLE = "클라우드 컴퓨팅 실습 자료"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of pages")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--page-bytes", type=int, default=4000,
                    help="fill each page to at least this many bytes (~4.1 KB on average; default 4000)")
    ap.add_argument("--hugo-layout", choices=["minimal", "sidebar", "sidebar-active"], default="minimal",
                    help="Hugo's page layout: title and content only (minimal, the default), or with a "
                         "sidebar of all pages rendered once (sidebar) or per page (sidebar-active)")
    args = ap.parse_args()
    if args.n < 1:
        sys.exit("N must be >= 1")

    out = os.path.abspath(args.outdir)
    lab = os.path.join(out, "labsite")
    hugo = os.path.join(out, "hugo")
    for d in (lab, hugo):
        if os.path.exists(d):
            shutil.rmtree(d)

    write(os.path.join(lab, "content", "site.yml"),
          f"title: {SITE_TITLE}\nlanguage: ko\n")
    write(os.path.join(hugo, "hugo.toml"), HUGO_TOML.format(title=SITE_TITLE))
    if args.hugo_layout == "minimal":
        write(os.path.join(hugo, "layouts", "_default", "baseof.html"), BASEOF % "")
    elif args.hugo_layout == "sidebar":
        write(os.path.join(hugo, "layouts", "_default", "baseof.html"),
              BASEOF % (NAV % SIDEBAR_CALL_CACHED))
        write(os.path.join(hugo, "layouts", "partials", "sidebar.html"), SIDEBAR_PARTIAL)
    else:
        write(os.path.join(hugo, "layouts", "_default", "baseof.html"),
              BASEOF % (NAV % SIDEBAR_ACTIVE))
    write(os.path.join(hugo, "layouts", "_default", "single.html"), SINGLE)
    write(os.path.join(hugo, "layouts", "_default", "list.html"), LIST)
    write(os.path.join(hugo, "content", "p", "_index.md"),
          "---\ntitle: 실습 목록\n---\n")

    total_bytes = 0
    for number in range(1, args.n + 1):
        name = page_name(number) + ".md"
        page = render_page(args.seed, number, args.n, args.page_bytes)
        lab_text = to_flavor(page, "labsite")
        hugo_text = to_flavor(page, "hugo")
        write(os.path.join(lab, "content", "p", name), lab_text)
        write(os.path.join(hugo, "content", "p", name), hugo_text)
        total_bytes += len(lab_text.encode("utf-8"))
    print(f"{args.n} pages, {total_bytes / args.n:.0f} bytes/page average, "
          f"{total_bytes / 1e6:.1f} MB -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
