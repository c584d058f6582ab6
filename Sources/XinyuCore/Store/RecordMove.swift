/// One state change asked of ``TrainingStore/moveRecords(_:by:at:reason:)``: the record, the state it must be in
/// now, the state it goes to, and in which capacity the actor moves it (`school-admin`, `district-admin`,
/// `teacher`, `school`).
public struct RecordMove: Sendable, Hashable {
    public var entry: Int64
    public var from: RecordState
    public var to: RecordState
    public var capacity: String

    public init(entry: Int64, from: RecordState, to: RecordState, capacity: String) {
        self.entry = entry
        self.from = from
        self.to = to
        self.capacity = capacity
    }
}
