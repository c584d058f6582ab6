import PostgresNIO
import XinyuCore

/// The attendance scan of a certification reading on PostgreSQL, one row per teacher.
///
/// A district holds millions of counted records; one result row for each cost about 3 µs in the client (the
/// protocol's row messages, then decoding five values), and grouping them on the server still touched each of
/// them (key lookup, course join, sort: about 1.2 CPU-seconds a district of 2.5 million records). The store keeps
/// each teacher's counted records in one row of `attendanceSummary` instead (migration v13): two arrays, a packed
/// `bigint` per record (tenths × 8 + pass × 4 + track) and the dates as text, whatever their date; the client
/// reads both arrays' binary form directly and leaves out the records dated after the reading's day. The engine
/// only sums a teacher's records (by track, date range and pass), so their order inside a teacher does not matter.
extension PostgresStore {
    /// The tracks in the packed value's low two bits.
    private static let packedTracks: [Track] = [.A, .B, .C, .cpd]

    /// Counted feed records of tracks A, B, C and cpd dated on or before `asOf`, of the teachers `selection` keeps,
    /// added to each teacher's list in `attendance`. A record whose date does not read as a date is left out, as
    /// the SQLite store's scan leaves it out; a date that reads is `YYYY-MM-DD` exactly, whose order as a day is
    /// its text's (the SQLite store's `date <= ?`).
    func trackedAttendance(
        _ s: PostgresSession, asOf: Day, selection: TeacherSelection,
        into attendance: inout [String: [TrackedAttendance]]
    ) throws {
        let source = Self.attendanceSource(selection)
        let rows = try s.sequentialRows(
            "SELECT a.teacherId, a.packed, a.dates FROM \(source.from) WHERE TRUE\(source.conditions)", source.values)
        for row in rows {
            var cells = row.makeIterator()
            guard let idCell = cells.next(), let packedCell = cells.next(), let datesCell = cells.next(),
                let idBytes = idCell.bytes, var packed = packedCell.bytes, var dates = datesCell.bytes
            else { throw bad("attendance", "summary", "a row without its values") }
            let teacher = String(buffer: idBytes)
            let count = try arrayLength(&packed, teacher)
            guard try arrayLength(&dates, teacher) == count else { throw unreadable(teacher) }
            var list = attendance[teacher] ?? []
            list.reserveCapacity(list.count + count)
            for _ in 0..<count {
                guard packed.readInteger(as: Int32.self) == 8, let value = packed.readInteger(as: Int64.self),
                    let length = dates.readInteger(as: Int32.self), length >= 0, dates.readableBytes >= Int(length)
                else { throw unreadable(teacher) }
                let date = dates.readWithUnsafeReadableBytes { raw in
                    (Int(length), Day(utf8: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[..<Int(length)])))
                }
                guard let date, date <= asOf else { continue }
                list.append(
                    TrackedAttendance(
                        track: Self.packedTracks[Int(value & 3)], date: date, tenths: Int(value >> 3), pass: value & 4 != 0))
            }
            if !list.isEmpty { attendance[teacher] = list }
        }
    }

    /// Where a selection's summaries come from, so that the server starts from the selection's teachers: a
    /// district's or a school's teachers, each one's summary by its key, rather than a scan of every district's
    /// summaries filtered by teacher; the whole store, or a range of it, is read from the summaries themselves.
    private static func attendanceSource(_ selection: TeacherSelection) -> (
        from: String, conditions: String, values: [PostgresValue]
    ) {
        let scoped = selection.district != nil || selection.school != nil
        var (conditions, values) = idRange(on: scoped ? "t.id" : "a.teacherId", selection)
        if let school = selection.school {
            conditions += " AND t.schoolId = ?"
            values.append(.text(school))
        }
        if let district = selection.district {
            conditions += " AND s.district = ?"
            values.append(.text(district))
            return (
                "school s JOIN teacher t ON t.schoolId = s.id JOIN attendanceSummary a ON a.teacherId = t.id", conditions,
                values
            )
        }
        return (scoped ? "teacher t JOIN attendanceSummary a ON a.teacherId = t.id" : "attendanceSummary a", conditions, values)
    }

    /// Reads a one-dimensional array's binary header (dimensions, null flag, element type, then the length and
    /// lower bound of its one dimension) and returns its number of elements; an empty array has no dimension.
    private func arrayLength(_ buffer: inout ByteBuffer, _ teacher: String) throws -> Int {
        guard let dimensions = buffer.readInteger(as: Int32.self), buffer.readInteger(as: Int32.self) != nil,
            buffer.readInteger(as: UInt32.self) != nil
        else { throw unreadable(teacher) }
        if dimensions == 0 { return 0 }
        guard dimensions == 1, let count = buffer.readInteger(as: Int32.self), count >= 0,
            buffer.readInteger(as: Int32.self) != nil
        else { throw unreadable(teacher) }
        return Int(count)
    }

    private func unreadable(_ teacher: String) -> Error {
        bad("attendance of teacher", teacher, "a summary of records")
    }
}
