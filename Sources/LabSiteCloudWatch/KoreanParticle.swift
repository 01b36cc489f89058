import LabSite

/// Korean particles that depend on whether the word before them ends in a consonant (받침).
enum KoreanParticle {
    /// 이 or 가 after `word`.
    static func subject(after word: String) -> String { endsInConsonant(word) ? "이" : "가" }

    /// 을 or 를 after `word`.
    static func object(after word: String) -> String { endsInConsonant(word) ? "을" : "를" }

    /// Whether `word` is read with a final consonant: Hangul by its 받침, digits as Sino-Korean numbers
    /// (`200` 이백, `70` 칠십, `5` 오), Latin letters and symbols as spelled out in Korean (USD 유에스디, % 퍼센트),
    /// which mostly end in a vowel.
    static func endsInConsonant(_ word: String) -> Bool {
        let trimmed = word.trimmingSuffix { $0 == ")" || $0 == "`" || $0 == " " }
        guard let last = trimmed.unicodeScalars.last else { return false }
        if (0xAC00...0xD7A3).contains(last.value) { return (last.value - 0xAC00) % 28 != 0 }
        guard last.properties.numericType != nil, last.isASCII else { return false }
        // The last spoken unit decides: 10 십, 100 백, 1000 천, 10000 만 all end in a consonant.
        let digits = trimmed.reversed().prefix { $0.isASCII && $0.isNumber }
        guard let nonZero = digits.firstIndex(where: { $0 != "0" }) else { return true }  // 영
        if digits.distance(from: digits.startIndex, to: nonZero) > 0 { return true }
        return "013678".contains(digits[nonZero])
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var text = Substring(self)
        while let last = text.last, predicate(last) { text = text.dropLast() }
        return text
    }
}
