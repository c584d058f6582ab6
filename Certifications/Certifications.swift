import XinyuCore

/// Certification statuses, the training-hour ledger, coverage and union quotas.
public enum Certifications {}
