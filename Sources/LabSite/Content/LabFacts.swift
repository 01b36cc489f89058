/// What a student should know before starting a lab, from its front matter; every field is optional.
///
/// ```
/// duration: 1시간 30분
/// cost: 1달러 미만 (정리까지 마칠 때)
/// region: 아시아 태평양(서울) ap-northeast-2
/// objectives:
///   - CloudTrail 추적을 만든다.
/// prerequisites:
///   - 관리자 권한이 있는 IAM 사용자
/// ```
public struct LabFacts: Sendable, Equatable {
    /// How long the lab takes, as the author writes it (`40분`).
    public var duration: String
    /// What the lab may cost, as the author writes it.
    public var cost: String
    /// The region the lab runs in.
    public var region: String
    /// What a student learns, one sentence each.
    public var objectives: [String]
    /// What a student needs before starting.
    public var prerequisites: [String]

    /// Creates facts; all empty by default.
    public init(
        duration: String = "", cost: String = "", region: String = "", objectives: [String] = [],
        prerequisites: [String] = []
    ) {
        self.duration = duration
        self.cost = cost
        self.region = region
        self.objectives = objectives
        self.prerequisites = prerequisites
    }

    /// Whether the page states none of them.
    public var isEmpty: Bool {
        duration.isEmpty && cost.isEmpty && region.isEmpty && objectives.isEmpty && prerequisites.isEmpty
    }

    /// The front matter keys these facts are read from.
    static let keys: Set<String> = ["duration", "cost", "region", "objectives", "prerequisites"]
}
