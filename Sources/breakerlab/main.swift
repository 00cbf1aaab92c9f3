print("breakerlab")
