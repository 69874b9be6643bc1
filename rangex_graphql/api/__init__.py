from . import enums as enums  # registers the API enums before any type uses them
