import XinyuCore

/// The HTTP endpoint and dashboard.
public enum XinyuServer {}
