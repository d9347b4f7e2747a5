using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperArchive.Ingest.Json;

namespace PaperArchive.Tests.Ingest.Json;

public class PythonLiteralParserTests
{
    private static JsonNode? Parse(string text)
    {
        Assert.True(PythonLiteralParser.TryParse(text, out var value, out var error), error);
        return value;
    }

    private static string ParseString(string text) => Parse(text)!.GetValue<string>();

    // Left column: CPython 3 repr() output, from python3 -c "print(repr(v))" for each right-column value.
    [Theory]
    [InlineData("\"it's\"", "it's")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData("'both \\' and \"'", "both ' and \"")]
    [InlineData("'tab\\there\\nnew'", "tab\there\nnew")]
    [InlineData("'back\\\\slash'", "back\\slash")]
    [InlineData("'café 中文'", "café 中文")]
    [InlineData("'\\x00\\x7f\\x85\\xa0'", "\0\u007f\u0085\u00a0")]
    [InlineData("'\\u200b\\u2028'", "\u200b\u2028")]
    [InlineData("'😀 \\U000e0001'", "😀 \U000E0001")]
    [InlineData("'\\101\\0\\7'", "A\0\a")]
    [InlineData("'\\a\\b\\f\\v\\r'", "\a\b\f\v\r")]
    [InlineData("'keep \\q and \\d'", "keep \\q and \\d")]
    [InlineData("u'py2 unicode'", "py2 unicode")]
    [InlineData("'''tri'ple'''", "tri'ple")]
    [InlineData("'line\\\ncontinued'", "linecontinued")]
    public void Strings_with_every_escape(string repr, string expected) => Assert.Equal(expected, ParseString(repr));

    [Fact]
    public void Lone_surrogate_escape_is_kept_like_python()
    {
        // Attribute data cannot carry a lone surrogate, hence a Fact. python3: repr('\ud800') == "'\\ud800'"
        var s = ParseString("'\\ud800'");
        Assert.Equal(1, s.Length);
        Assert.Equal(0xD800, s[0]);
    }

    [Fact]
    public void Nested_containers_numbers_and_constants()
    {
        // python3 -c "print(repr({'a': [1, 2.5, (3,), (), None, True, False, -7, 1e16, 1e-05, float('inf')]}))"
        var node = Parse("{'a': [1, 2.5, (3,), (), None, True, False, -7, 1e+16, 1e-05, inf]}")!;
        var a = node["a"]!.AsArray();
        Assert.Equal(11, a.Count);
        Assert.Equal(1L, a[0]!.GetValue<long>());
        Assert.Equal(2.5, a[1]!.GetValue<double>());
        Assert.Equal(3L, a[2]!.AsArray().Single()!.GetValue<long>());
        Assert.Empty(a[3]!.AsArray());
        Assert.Null(a[4]);
        Assert.True(a[5]!.GetValue<bool>());
        Assert.False(a[6]!.GetValue<bool>());
        Assert.Equal(-7L, a[7]!.GetValue<long>());
        Assert.Equal(1e16, a[8]!.GetValue<double>());
        Assert.Equal(1e-05, a[9]!.GetValue<double>());
        Assert.Equal(double.PositiveInfinity, a[10]!.GetValue<double>());
    }

    [Fact]
    public void Repeated_dict_key_keeps_the_last_value_like_python()
    {
        var node = Parse("{'k': 1, 'k': 2}")!;
        Assert.Equal(2L, node["k"]!.GetValue<long>());
    }

    [Fact]
    public void Real_repr_item_from_the_fixtures()
    {
        var json = JsonNode.Parse(File.ReadAllText(HfApiFixtures.PathOf("2024-12-20.json")))!.AsArray();
        var all = json.Select(n => Parse(n!.GetValue<string>())!).ToList();
        Assert.Equal(16, all.Count);
        // python3: ast.literal_eval(json.load(open('2024-12-20.json'))[3])['paper']['id'] == '2412.15204'
        Assert.Equal("2412.15204", all[3]["paper"]!["id"]!.GetValue<string>());
        Assert.Equal(12, all[3]["paper"]!["authors"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("", "line 1, column 1: unexpected end of text")]
    [InlineData("{'a': 1", "unterminated dict")]
    [InlineData("['a' 'b']", "expected ',' or ']'")]
    [InlineData("'abc", "unterminated string")]
    [InlineData("'\\N{BULLET}'", "\\N{...} named escapes are not supported")]
    [InlineData("'\\x4'", "bad \\x escape")]
    [InlineData("'\\U00110000'", "beyond U+10FFFF")]
    [InlineData("{1, 2}", "sets are not supported")]
    [InlineData("b'bytes'", "not supported")]
    [InlineData("nul", "unknown name 'nul'")]
    [InlineData("1j", "complex")]
    [InlineData("[1] x", "unexpected text after the literal")]
    [InlineData("{'a':\n  [1,,]}", "line 2, column 6")]
    [InlineData("99999999999999999999999999999999", "integer too large")]
    public void Errors_say_what_and_where(string text, string expectedFragment)
    {
        Assert.False(PythonLiteralParser.TryParse(text, out var value, out var error));
        Assert.Null(value);
        Assert.Contains(expectedFragment, error);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        Assert.False(PythonLiteralParser.TryParse(deep, out _, out var error));
        Assert.Contains("nested deeper than", error);
    }

    [Property(Replay = "(4242,1717)", MaxTest = 300, Arbitrary = [typeof(PyValueArbitrary)])]
    public bool Round_trips_what_python_repr_writes(PyValue value) =>
        PythonLiteralParser.TryParse(PythonRepr.Of(value), out var node, out _) && Same(value, node);

    [Property(Replay = "(777,31)", MaxTest = 500)]
    public void Arbitrary_text_never_throws(string? text)
    {
        var ok = PythonLiteralParser.TryParse(text ?? "", out var value, out var error);
        Assert.True(ok ? error is null : error is not null && value is null);
    }

    [Property(Replay = "(99,5)", MaxTest = 300, Arbitrary = [typeof(PyValueArbitrary)])]
    public void Truncated_repr_never_throws(PyValue value, int cut)
    {
        var repr = PythonRepr.Of(value);
        var text = repr[..(Math.Abs(cut % (repr.Length + 1)))];
        _ = PythonLiteralParser.TryParse(text, out _, out _);
    }

    private static bool Same(PyValue expected, JsonNode? actual) => expected switch
    {
        PyValue.None => actual is null,
        PyValue.Bool b => actual is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False && v.GetValue<bool>() == b.Value,
        PyValue.Int i => actual is JsonValue v && v.TryGetValue<long>(out var l) && l == i.Value,
        PyValue.Float f => actual is JsonValue v && v.TryGetValue<double>(out var d) && (d.Equals(f.Value)),
        PyValue.Str s => actual is JsonValue v && v.TryGetValue<string>(out var str) && string.Equals(str, s.Value, StringComparison.Ordinal),
        PyValue.List list => actual is JsonArray a && a.Count == list.Items.Count && list.Items.Select((x, i) => Same(x, a[i])).All(ok => ok),
        PyValue.Dict dict => actual is JsonObject o
            && o.Count == dict.Entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count()
            && dict.Entries.GroupBy(e => e.Key, StringComparer.Ordinal).All(g => o.ContainsKey(g.Key) && Same(g.Last().Value, o[g.Key])),
        _ => false,
    };
}

/// <summary>Generators for <see cref="PyValue"/>: strings heavy in quotes, escapes, controls, astral and lone surrogates.</summary>
public static class PyValueArbitrary
{
    public static Arbitrary<PyValue> PyValues() => Arb.From(Gen.Sized(size => Value(Math.Min(size, 12))));

    private static Gen<PyValue> Value(int size)
    {
        var leaf = Gen.Frequency(
            (1, Gen.Constant<PyValue>(new PyValue.None())),
            (1, Gen.Elements(true, false).Select(b => (PyValue)new PyValue.Bool(b))),
            (2, Gen.Choose(int.MinValue, int.MaxValue).Select(i => (PyValue)new PyValue.Int(i * 3L))),
            (2, Gen.Elements(0.0, -0.0, 1.5, 1e16, 1e-05, 123456789.125, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue)
                .Select(d => (PyValue)new PyValue.Float(d))),
            (1, Gen.Choose(-1_000_000, 1_000_000).Select(i => (PyValue)new PyValue.Float(i / 7.0))),
            (5, Text().Select(s => (PyValue)new PyValue.Str(s))));
        if (size <= 0)
        {
            return leaf;
        }
        var child = Value(size / 2);
        var list = Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(child, n)).SelectMany(items =>
            Gen.Elements(true, false).Select(tuple => (PyValue)new PyValue.List(items.ToList(), tuple)));
        var entry = Text().SelectMany(k => child.Select(v => new KeyValuePair<string, PyValue>(k, v)));
        var dict = Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(entry, n)).Select(e => (PyValue)new PyValue.Dict(e.ToList()));
        return Gen.Frequency((3, leaf), (1, list), (1, dict));
    }

    private static Gen<string> Text()
    {
        var piece = Gen.Frequency(
            (6, Gen.Choose(' ', '~').Select(c => ((char)c).ToString())),
            (3, Gen.Elements("'", "\"", "\\", "\n", "\t", "\r", "\0", "\u007f", "\u0085", "\u00a0", "\u200b", "\u2028", "é", "中")),
            (2, Gen.Choose(0x80, 0xD7FF).Select(c => ((char)c).ToString())),
            (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)),
            (1, Gen.Choose(0xD800, 0xDFFF).Select(c => ((char)c).ToString())));
        return Gen.Choose(0, 12).SelectMany(n => Gen.ListOf(piece, n)).Select(p => string.Concat(p));
    }
}
