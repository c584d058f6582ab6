import CLibXML2
import Foundation

/// A forward-only libxml2 `xmlTextReader` over a zip entry (``ZipEntryStream``), with the importers' safe options
/// (no network, no DTD, no entity expansion) and libxml2's messages collected, never printed.
final class XMLPull {
    private let reader: xmlTextReaderPtr
    private let box: Unmanaged<ZipEntryStream>
    let stream: ZipEntryStream
    /// The first error libxml2 reported, with its line.
    private(set) var problem: String?

    init(_ stream: ZipEntryStream, name: String) throws {
        XMLStream.installGlobalGuards()
        self.stream = stream
        box = Unmanaged.passRetained(stream)
        let callback: xmlInputReadCallback = { ctx, buf, len in
            guard let ctx, let buf else { return -1 }
            let s = Unmanaged<ZipEntryStream>.fromOpaque(ctx).takeUnretainedValue()
            return Int32(s.read(into: UnsafeMutableRawPointer(buf), count: Int(len)))
        }
        guard let r = xmlReaderForIO(callback, nil, box.toOpaque(), name, nil, XMLStream.options) else {
            box.release()
            throw SheetFileError(file: name, problem: "libxml2 could not start a reader")
        }
        reader = r
        xmlTextReaderSetStructuredErrorHandler(
            r,
            { ctx, err in
                guard let ctx, let err else { return }
                let me = Unmanaged<XMLPull>.fromOpaque(ctx).takeUnretainedValue()
                guard me.problem == nil, err.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                var msg = err.pointee.message.map { String(cString: $0) } ?? "XML error \(err.pointee.code)"
                while msg.last == "\n" || msg.last == " " { msg.removeLast() }
                me.problem = "line \(err.pointee.line): \(msg)"
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        stream.cancel()
        box.release()
    }

    /// Moves to the next node: true while there is one; throws at a fault of the document or the zip entry.
    func read() throws -> Bool {
        let r = xmlTextReaderRead(reader)
        if r == 1 { return true }
        if r == 0 && problem == nil && stream.failure == nil { return false }
        throw XMLPullError(message: stream.failure ?? problem ?? "the XML is not well-formed")
    }

    var nodeType: Int32 { xmlTextReaderNodeType(reader) }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The local name (no prefix) of the current node.
    var name: String { xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? "" }

    /// The current node's local name equals `s` (compared without making a string).
    func named(_ s: StaticString) -> Bool { cEquals(xmlTextReaderConstLocalName(reader), s) }

    /// The text of the current text node.
    var value: String { xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "" }

    /// The current element's attribute with this local name (any namespace), or nil.
    func attribute(_ local: String) -> String? {
        guard xmlTextReaderHasAttributes(reader) == 1, xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        return local.withCString { wanted in
            repeat {
                if let n = xmlTextReaderConstLocalName(reader),
                    strcmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self), wanted) == 0,
                    xmlTextReaderIsNamespaceDecl(reader) != 1
                {
                    return xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                }
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
            return nil
        }
    }

    static let element: Int32 = 1
    static let endElement: Int32 = 15
    /// Text, CDATA, whitespace and significant whitespace nodes.
    static let textTypes: Set<Int32> = [3, 4, 13, 14]
}

struct XMLPullError: Error {
    var message: String
}
