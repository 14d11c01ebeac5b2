package kestra

// Kind is the kind of a refusal (wire-format.md 7.2).
type Kind string

const (
	// TypeError: the value has a type that cannot be written, or a required value is missing.
	TypeError Kind = "TYPE"
	// ValueError: the type is accepted but this value is not (NaN, too long, invalid UTF-8, a cycle, ...).
	ValueError Kind = "VALUE"
)

// WireError is a call that cannot be written; nothing was written for it. Its message is "<path>: <problem>".
type WireError struct {
	Kind    Kind
	Path    string
	Problem string
}

func (e *WireError) Error() string {
	return e.Path + ": " + e.Problem
}

func typeErr(path, problem string) *WireError {
	return &WireError{Kind: TypeError, Path: path, Problem: problem}
}

func valueErr(path, problem string) *WireError {
	return &WireError{Kind: ValueError, Path: path, Problem: problem}
}
