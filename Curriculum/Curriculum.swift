import XinyuCore

/// The lesson library, group-guidance catalog and the term scheduler.
public enum Curriculum {}
