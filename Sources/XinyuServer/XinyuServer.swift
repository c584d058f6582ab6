import XinyuCore

/// The HTTP endpoint and dashboard: a JSON API under `/api/v1`, authenticated feed imports, an OpenAPI 3
/// document and a server-rendered dashboard at `/`. Start with ``buildApplication(configuration:database:logger:)``.
public enum XinyuServer {}
