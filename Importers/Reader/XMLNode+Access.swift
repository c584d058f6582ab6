import CLibXML2
import Foundation

/// Read-only helpers over one expanded record subtree (`xmlTextReaderExpand`), freed by the reader as it moves on.
enum Node {
    /// The namespace URI of an element or attribute, as a C string.
    @inline(__always) static func ns(_ n: xmlNodePtr) -> UnsafePointer<xmlChar>? { n.pointee.ns?.pointee.href }

    /// Each child element.
    static func elements(_ n: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = n.pointee.children
        while let x = c {
            if x.pointee.type == XML_ELEMENT_NODE { out.append(x) }
            c = x.pointee.next
        }
        return out
    }

    /// The concatenated text and CDATA of the element's subtree (entities already replaced by libxml2's parser
    /// for the predefined ones and character references).
    static func text(_ n: xmlNodePtr) -> String {
        var bytes: [UInt8] = []
        func walk(_ p: xmlNodePtr) {
            var c = p.pointee.children
            while let x = c {
                switch x.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let s = x.pointee.content { bytes.append(contentsOf: UnsafeBufferPointer(start: s, count: strlen(s))) }
                case XML_ELEMENT_NODE: walk(x)
                default: break
                }
                c = x.pointee.next
            }
        }
        walk(n)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of an attribute node.
    static func value(_ a: xmlAttrPtr) -> String {
        if let t = a.pointee.children, t.pointee.next == nil, let s = t.pointee.content { return String(cString: s) }
        var bytes: [UInt8] = []
        var c = a.pointee.children
        while let x = c {
            if let s = x.pointee.content { bytes.append(contentsOf: UnsafeBufferPointer(start: s, count: strlen(s))) }
            c = x.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func name(_ n: xmlNodePtr) -> String { n.pointee.name.map { String(cString: $0) } ?? "" }

    /// Unqualified attributes matched against `allowed` (in order); attributes in any namespace are extensions and
    /// ignored. Returns the values by position and the first unknown attribute name, if any.
    static func attributes(_ n: xmlNodePtr, _ allowed: [StaticString]) -> (values: [String?], unknown: String?) {
        var values = [String?](repeating: nil, count: allowed.count)
        var unknown: String?
        var a = n.pointee.properties
        while let x = a {
            defer { a = x.pointee.next }
            if x.pointee.ns != nil { continue }
            var found = false
            for (i, name) in allowed.enumerated() where cEquals(x.pointee.name, name) {
                values[i] = value(x)
                found = true
                break
            }
            if !found && unknown == nil { unknown = x.pointee.name.map { String(cString: $0) } ?? "?" }
        }
        return (values, unknown)
    }
}
