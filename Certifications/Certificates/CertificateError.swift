import XinyuCore

/// What the certificate operations refuse, in words any client can read.
public enum CertificateError: XinyuError, Equatable {
    /// A revocation's reason must be one line of 1–500 characters.
    case badReason(String)

    /// Input rejected: exit status 2.
    public var exitStatus: Int32 { 2 }

    public var description: String {
        switch self {
        case .badReason(let text): "reason \"\(text.prefix(40))\": give the reason on one line, 1–500 characters"
        }
    }
}
