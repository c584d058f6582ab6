import XinyuCore

/// The feed importers: district feed v1 and IMS Enterprise 1.1, streamed through libxml2.
public enum Importers {}
