import CLibXML2
import Foundation

/// One problem libxml2 reported, with where it stood.
struct XMLProblem: Sendable {
    var message: String
    var line: Int
    var column: Int
    var fatal: Bool
}

/// A forward-only libxml2 `xmlTextReader` over a ``FileSource``: constant memory, no network, no DTD, no entity
/// expansion beyond the predefined ones; libxml2 itself prints nothing (every message lands in ``problems``).
final class XMLStream {
    let reader: xmlTextReaderPtr
    let source: FileSource
    /// Everything libxml2 reported (capped), in order.
    private(set) var problems: [XMLProblem] = []
    private var box: Unmanaged<FileSource>

    /// Parser options: no network, big line numbers; never NOENT, DTDLOAD, DTDVALID or HUGE.
    static let options: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)

    init(source: FileSource) throws {
        XMLStream.installGlobalGuards()
        self.source = source
        box = Unmanaged.passRetained(source)
        let readCallback: xmlInputReadCallback = { ctx, buf, len in
            guard let ctx, let buf else { return -1 }
            let src = Unmanaged<FileSource>.fromOpaque(ctx).takeUnretainedValue()
            return Int32(src.read(into: UnsafeMutableRawPointer(buf), count: Int(len)))
        }
        guard let r = xmlReaderForIO(readCallback, nil, box.toOpaque(), source.path, nil, XMLStream.options) else {
            box.release()
            throw FileAccessError(path: source.path, reason: "libxml2 could not start a reader")
        }
        reader = r
        xmlTextReaderSetStructuredErrorHandler(
            r,
            { ctx, err in
                guard let ctx, let err else { return }
                let stream = Unmanaged<XMLStream>.fromOpaque(ctx).takeUnretainedValue()
                stream.record(err.pointee)
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        box.release()
    }

    private func record(_ e: xmlError) {
        guard problems.count < 1000 else { return }
        var msg = e.message.map { String(cString: $0) } ?? "XML error \(e.code)"
        while msg.last == "\n" || msg.last == " " { msg.removeLast() }
        problems.append(
            XMLProblem(
                message: msg, line: Int(e.line), column: Int(e.int2),
                fatal: e.level.rawValue >= XML_ERR_ERROR.rawValue))
    }

    /// The first error-level problem, if any.
    var firstFatal: XMLProblem? { problems.first { $0.fatal } }

    /// Uses the compiled schema for streaming validation; call before the first read.
    func setSchema(_ schema: xmlSchemaPtr) -> Bool { xmlTextReaderSetSchema(reader, schema) == 0 }

    @inline(__always) func read() -> Int32 { xmlTextReaderRead(reader) }
    @inline(__always) func next() -> Int32 { xmlTextReaderNext(reader) }
    @inline(__always) var nodeType: Int32 { xmlTextReaderNodeType(reader) }
    @inline(__always) var depth: Int32 { xmlTextReaderDepth(reader) }
    @inline(__always) var localName: UnsafePointer<xmlChar>? { xmlTextReaderConstLocalName(reader) }
    @inline(__always) var namespaceURI: UnsafePointer<xmlChar>? { xmlTextReaderConstNamespaceUri(reader) }
    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    var column: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }
    /// The current element with its whole subtree (one record, never the document).
    func expand() -> xmlNodePtr? { xmlTextReaderExpand(reader) }

    /// `s` as interned in the reader's dictionary. The names of the elements and attributes libxml2 builds are
    /// interned there too, so a known name can be recognised by comparing pointers (callers still fall back to
    /// comparing bytes when the pointers differ).
    func interned(_ s: StaticString) -> UnsafePointer<xmlChar>? { xmlTextReaderConstString(reader, s.utf8Start) }

    /// Attributes of the current element as (namespace, local name, value), namespace declarations left out.
    func attributes() -> [(ns: String?, name: String, value: String)] {
        var out: [(String?, String, String)] = []
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return out }
        repeat {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            let ns = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            out.append((ns, name, value))
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return out
    }

    private nonisolated(unsafe) static var guardsInstalled = false
    private static let guardLock = NSLock()

    /// Refuses every external entity or DTD load process-wide and silences libxml2's default error printing.
    static func installGlobalGuards() {
        guardLock.lock()
        if !guardsInstalled {
            guardsInstalled = true
            xmlInitParser()
            xmlSetExternalEntityLoader { _, _, _ in nil }
        }
        guardLock.unlock()
        xmlSetStructuredErrorFunc(nil, { _, _ in })
    }
}

/// True when the C string `p` equals `s` exactly (no Swift String made).
@inline(__always) func cEquals(_ p: UnsafePointer<xmlChar>?, _ s: StaticString) -> Bool {
    guard let p else { return false }
    let n = s.utf8CodeUnitCount
    return memcmp(p, s.utf8Start, n) == 0 && p[n] == 0
}
