/// What the certificate store refuses, in words any client can read.
public enum CertificateStoreError: XinyuError, Equatable {
    /// No award carries this number.
    case unknownCertificate(number: String)
    /// The certificate was revoked already.
    case alreadyRevoked(number: String)

    public var description: String {
        switch self {
        case .unknownCertificate(let number): "no certificate has award number \(number)"
        case .alreadyRevoked(let number): "certificate \(number) is revoked already"
        }
    }
}
