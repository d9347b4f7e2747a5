namespace PaperArchive.Tests.Ingest.Json;

/// <summary>A Python value for tests: what <see cref="PythonRepr.Of"/> writes and the parser must read back.</summary>
public abstract record PyValue
{
    public sealed record None : PyValue;

    public sealed record Bool(bool Value) : PyValue;

    public sealed record Int(long Value) : PyValue;

    public sealed record Float(double Value) : PyValue;

    public sealed record Str(string Value) : PyValue;

    public sealed record List(IReadOnlyList<PyValue> Items, bool Tuple) : PyValue;

    public sealed record Dict(IReadOnlyList<KeyValuePair<string, PyValue>> Entries) : PyValue;
}
