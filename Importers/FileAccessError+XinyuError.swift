import XinyuCore

extension FileAccessError: XinyuError {}
