import PostgresNIO
import XinyuCore

/// The attendance scan of a certification reading on PostgreSQL, one row per teacher.
///
/// A district holds millions of counted records; one result row for each cost about 3 µs in the client (the
/// protocol's row messages, then decoding five values), which kept one district's coverage at 7.7 s and a
/// province's roll-up past four minutes. The server groups them instead: each teacher's records come as two
/// arrays, a packed `bigint` per record (tenths × 8 + pass × 4 + track) and the dates as text, and the client
/// reads both arrays' binary form directly. The engine only sums a teacher's records (by track, date range and
/// pass), so their order inside a teacher does not matter and is not asked for.
extension PostgresStore {
    /// The tracks in the packed value's low two bits.
    private static let packedTracks: [Track] = [.A, .B, .C, .cpd]

    /// Counted feed records of tracks A, B, C and cpd dated on or before `asOf`, of the teachers `scope` keeps
    /// (`AND …` conditions on `a.teacherId`), added to each teacher's list in `attendance`. A record whose date
    /// does not read as a date is left out, as the SQLite store's scan leaves it out.
    func trackedAttendance(
        _ s: PostgresSession, asOf: Day, selection: TeacherSelection, counted: (sql: String, values: [PostgresValue]),
        into attendance: inout [String: [TrackedAttendance]]
    ) throws {
        let tracks: [PostgresValue] = Self.packedTracks.map { .text($0.rawValue) }
        let source = Self.attendanceSource(selection)
        // Grouped from rows sorted by teacher (the key's order, or a sort the server's parallel workers share)
        // rather than a hash table of every teacher's arrays, which outgrows `work_mem` for a district and spills
        // to disk; for this transaction only.
        try s.execute("SET LOCAL enable_hashagg = off")
        let rows = try s.sequentialRows(
            """
            SELECT a.teacherId,
              array_agg(a.hoursTenths * 8 + CASE WHEN a.result = ? THEN 4 ELSE 0 END
                + CASE c.track WHEN ? THEN 0 WHEN ? THEN 1 WHEN ? THEN 2 ELSE 3 END),
              array_agg(a.date)
            FROM \(source.from) JOIN course c ON c.id = a.courseId
            WHERE c.track IN (?, ?, ?, ?) AND a.date <= ? AND \(counted.sql)\(source.conditions)
            GROUP BY a.teacherId
            """,
            [.text(CourseResult.pass.rawValue)] + tracks.dropLast() + tracks + [.text(asOf.description)] + counted.values
                + source.values)
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
                guard let date else { continue }
                list.append(
                    TrackedAttendance(
                        track: Self.packedTracks[Int(value & 3)], date: date, tenths: Int(value >> 3), pass: value & 4 != 0))
            }
            attendance[teacher] = list
        }
    }

    /// Where a selection's attendance comes from, so that the server starts from the selection's teachers: a
    /// district's or a school's teachers, each one's attendance by its key (teacher, course), rather than a scan of
    /// every district's attendance filtered by teacher (in a province, one district of ten read the whole table);
    /// the whole store, or a range of it, is read from attendance itself.
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
            return ("school s JOIN teacher t ON t.schoolId = s.id JOIN attendance a ON a.teacherId = t.id", conditions, values)
        }
        return (scoped ? "teacher t JOIN attendance a ON a.teacherId = t.id" : "attendance a", conditions, values)
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
