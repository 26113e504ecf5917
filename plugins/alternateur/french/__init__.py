"""French for the public: dates, rules in words, typography, plain text."""
