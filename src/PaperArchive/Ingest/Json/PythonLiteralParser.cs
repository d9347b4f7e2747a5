using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PaperArchive.Ingest.Json;

/// <summary>
/// Parses the text Python's <c>repr()</c> gives for plain data (the form some scrapers saved API
/// items in): dicts, lists, tuples, <c>str</c> in either quote style with every escape Python writes
/// (<c>\n \t \\ \' \" \xhh \uhhhh \Uhhhhhhhh</c>, octal, line continuation), <c>True</c>/<c>False</c>/<c>None</c>,
/// ints and floats (incl. <c>inf</c>/<c>nan</c>), nested to any sane depth. The result is a
/// <see cref="JsonNode"/> tree so one mapper reads both JSON and repr items.
/// <para>Hand-written because no library in the framework reads Python literals, and patching quotes
/// with regexes breaks on titles like <c>"it's"</c> or abstracts containing <c>\'</c>.</para>
/// <para>Not supported (reported as errors, never thrown): <c>\N{name}</c> escapes (would need the
/// Unicode name table), bytes, sets, complex numbers, integers beyond ±7.9e28.</para>
/// </summary>
public static class PythonLiteralParser
{
    /// <summary>Nesting deeper than this is refused (a guard against stack exhaustion on hostile input).</summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Parses <paramref name="text"/> (one literal, surrounding whitespace allowed). On failure
    /// <paramref name="error"/> says what and where ("line 1, column 17: ..."). Never throws.
    /// </summary>
    public static bool TryParse(string text, out JsonNode? value, out string? error)
    {
        var parser = new Parser(text);
        try
        {
            parser.SkipWhitespace();
            value = parser.ParseValue(0);
            parser.SkipWhitespace();
            if (!parser.AtEnd)
            {
                throw parser.Fail("unexpected text after the literal");
            }
            error = null;
            return true;
        }
        catch (PythonLiteralException ex)
        {
            value = null;
            error = ex.Message;
            return false;
        }
    }

    private sealed class PythonLiteralException(string message) : Exception(message);

    private sealed class Parser(string text)
    {
        private readonly string _text = text;
        private int _pos;

        public bool AtEnd => _pos >= _text.Length;

        public PythonLiteralException Fail(string message) => Fail(message, _pos);

        public PythonLiteralException Fail(string message, int at)
        {
            var line = 1;
            var lineStart = 0;
            var end = Math.Min(at, _text.Length);
            for (var i = 0; i < end; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new PythonLiteralException(
                string.Create(CultureInfo.InvariantCulture, $"line {line}, column {at - lineStart + 1}: {message}"));
        }

        public void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
                {
                    _pos++;
                }
                else if (c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
                {
                    _pos += 2; // explicit line joining outside strings
                }
                else
                {
                    break;
                }
            }
        }

        public JsonNode? ParseValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Fail($"nested deeper than {MaxDepth} levels");
            }
            if (AtEnd)
            {
                throw Fail("unexpected end of text, expected a value");
            }
            var c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ParseDict(depth);
                case '[':
                    return ParseSequence(depth, ']', "list");
                case '(':
                    return ParseSequence(depth, ')', "tuple");
                case '\'':
                case '"':
                    return JsonValue.Create(ParseString());
            }
            if (c is 'u' or 'U' && _pos + 1 < _text.Length && _text[_pos + 1] is '\'' or '"')
            {
                _pos++; // Python 2 style u'...' is the same string
                return JsonValue.Create(ParseString());
            }
            if (c is 'b' or 'B' or 'r' or 'R' or 'f' or 'F' && _pos + 1 < _text.Length && _text[_pos + 1] is '\'' or '"')
            {
                throw Fail($"'{c}'-prefixed strings are not supported");
            }
            if (c is '-' or '+' or '.' || char.IsAsciiDigit(c))
            {
                return ParseNumber();
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = _pos;
                while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
                {
                    _pos++;
                }
                var word = _text[start.._pos];
                switch (word)
                {
                    case "True":
                        return JsonValue.Create(true);
                    case "False":
                        return JsonValue.Create(false);
                    case "None":
                        return null;
                    case "inf":
                        return JsonValue.Create(double.PositiveInfinity);
                    case "nan":
                        return JsonValue.Create(double.NaN);
                    case "set" or "frozenset" or "datetime" or "Decimal":
                        throw Fail($"'{word}(...)' values are not supported", start);
                    default:
                        throw Fail($"unknown name '{Truncate(word)}'", start);
                }
            }
            throw Fail($"unexpected character '{Printable(c)}'");
        }

        private JsonObject ParseDict(int depth)
        {
            var open = _pos;
            _pos++; // '{'
            var obj = new JsonObject();
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return obj;
            }
            while (true)
            {
                SkipWhitespace();
                var keyAt = _pos;
                var key = ParseValue(depth + 1);
                var keyText = key switch
                {
                    null => "None",
                    JsonValue v when v.TryGetValue<string>(out var s) => s,
                    // JSON text cannot hold inf/nan (ToJsonString throws): name them as Python's str() does.
                    JsonValue v when v.TryGetValue<double>(out var d) && !double.IsFinite(d) => double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf",
                    JsonValue v => v.ToJsonString(),
                    _ => throw Fail("dict keys must be strings, numbers, booleans or None", keyAt),
                };
                SkipWhitespace();
                if (!TryConsume(':'))
                {
                    if (AtEnd || _text[_pos] is ',' or '}')
                    {
                        throw Fail("sets are not supported (expected ':' after a dict key)");
                    }
                    throw Fail("expected ':' after a dict key");
                }
                SkipWhitespace();
                var value = ParseValue(depth + 1);
                obj[keyText] = value; // like Python, a repeated key keeps the last value
                SkipWhitespace();
                if (TryConsume(','))
                {
                    SkipWhitespace();
                    if (TryConsume('}'))
                    {
                        return obj;
                    }
                    continue;
                }
                if (TryConsume('}'))
                {
                    return obj;
                }
                throw AtEnd ? Fail($"unterminated dict (opened at {Where(open)})") : Fail("expected ',' or '}' in a dict");
            }
        }

        private JsonArray ParseSequence(int depth, char close, string what)
        {
            var open = _pos;
            _pos++;
            var array = new JsonArray();
            SkipWhitespace();
            if (TryConsume(close))
            {
                return array;
            }
            while (true)
            {
                SkipWhitespace();
                array.Add(ParseValue(depth + 1));
                SkipWhitespace();
                if (TryConsume(','))
                {
                    SkipWhitespace();
                    if (TryConsume(close))
                    {
                        return array;
                    }
                    continue;
                }
                if (TryConsume(close))
                {
                    return array;
                }
                throw AtEnd ? Fail($"unterminated {what} (opened at {Where(open)})") : Fail($"expected ',' or '{close}' in a {what}");
            }
        }

        private string ParseString()
        {
            var open = _pos;
            var quote = _text[_pos];
            var triple = _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
            _pos += triple ? 3 : 1;
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Fail($"unterminated string (opened at {Where(open)})");
                }
                var c = _text[_pos];
                if (c == quote)
                {
                    if (!triple)
                    {
                        _pos++;
                        return sb.ToString();
                    }
                    if (_pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote)
                    {
                        _pos += 3;
                        return sb.ToString();
                    }
                    sb.Append(c);
                    _pos++;
                    continue;
                }
                if (c == '\n' && !triple)
                {
                    throw Fail($"line break inside a string (opened at {Where(open)})");
                }
                if (c != '\\')
                {
                    sb.Append(c);
                    _pos++;
                    continue;
                }
                ParseEscape(sb);
            }
        }

        private void ParseEscape(StringBuilder sb)
        {
            var at = _pos;
            _pos++; // backslash
            if (AtEnd)
            {
                throw Fail("unterminated string (ends in a backslash)", at);
            }
            var e = _text[_pos++];
            switch (e)
            {
                case '\n': return; // line continuation inside a string
                case '\\': sb.Append('\\'); return;
                case '\'': sb.Append('\''); return;
                case '"': sb.Append('"'); return;
                case 'a': sb.Append('\a'); return;
                case 'b': sb.Append('\b'); return;
                case 'f': sb.Append('\f'); return;
                case 'n': sb.Append('\n'); return;
                case 'r': sb.Append('\r'); return;
                case 't': sb.Append('\t'); return;
                case 'v': sb.Append('\v'); return;
                case 'x': AppendCodePoint(sb, ReadHex(2, at), at); return;
                case 'u': AppendCodePoint(sb, ReadHex(4, at), at); return;
                case 'U': AppendCodePoint(sb, ReadHex(8, at), at); return;
                case 'N':
                    throw Fail("\\N{...} named escapes are not supported", at);
            }
            if (e is >= '0' and <= '7')
            {
                var value = e - '0';
                for (var i = 0; i < 2 && !AtEnd && _text[_pos] is >= '0' and <= '7'; i++)
                {
                    value = value * 8 + (_text[_pos++] - '0');
                }
                sb.Append((char)value); // at most \777 = 511, always one UTF-16 unit
                return;
            }
            // Python keeps unknown escapes literally (backslash and all).
            sb.Append('\\').Append(e);
        }

        private int ReadHex(int digits, int escapeAt)
        {
            if (_pos + digits > _text.Length)
            {
                throw Fail($"truncated \\{_text[escapeAt + 1]} escape", escapeAt);
            }
            var value = 0L;
            for (var i = 0; i < digits; i++)
            {
                var d = _text[_pos + i];
                if (!char.IsAsciiHexDigit(d))
                {
                    throw Fail($"bad \\{_text[escapeAt + 1]} escape (needs {digits} hex digits)", escapeAt);
                }
                value = value * 16 + (char.IsAsciiDigit(d) ? d - '0' : (d | 0x20) - 'a' + 10);
            }
            _pos += digits;
            if (value > 0x10FFFF)
            {
                throw Fail("escape beyond U+10FFFF", escapeAt);
            }
            return (int)value;
        }

        private void AppendCodePoint(StringBuilder sb, int cp, int at)
        {
            if (cp < 0x10000)
            {
                sb.Append((char)cp); // lone surrogates are legal in Python str; keep them as-is
            }
            else if (cp <= 0x10FFFF)
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                throw Fail("escape beyond U+10FFFF", at);
            }
        }

        private JsonNode ParseNumber()
        {
            var start = _pos;
            if (_text[_pos] is '-' or '+')
            {
                _pos++;
                SkipWhitespace(); // Python's repr never does this, but "- 1" is a valid literal expression
            }
            if (_pos + 3 <= _text.Length && _text.AsSpan(_pos, 3).SequenceEqual("inf"))
            {
                _pos += 3;
                return JsonValue.Create(_text[start] == '-' ? double.NegativeInfinity : double.PositiveInfinity);
            }
            if (_pos + 3 <= _text.Length && _text.AsSpan(_pos, 3).SequenceEqual("nan"))
            {
                _pos += 3;
                return JsonValue.Create(double.NaN);
            }
            var digitsStart = _pos;
            var isFloat = false;
            while (!AtEnd && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }
            if (!AtEnd && _text[_pos] == '.')
            {
                isFloat = true;
                _pos++;
                while (!AtEnd && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '_'))
                {
                    _pos++;
                }
            }
            if (!AtEnd && _text[_pos] is 'e' or 'E')
            {
                isFloat = true;
                _pos++;
                if (!AtEnd && _text[_pos] is '+' or '-')
                {
                    _pos++;
                }
                var expStart = _pos;
                while (!AtEnd && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }
                if (_pos == expStart)
                {
                    throw Fail("bad exponent in a number", start);
                }
            }
            if (!AtEnd && (_text[_pos] is 'j' or 'J' or 'x' or 'X' or 'o' or 'O' or 'b' or 'B' || char.IsAsciiLetter(_text[_pos])))
            {
                throw Fail("complex, hex, octal and binary numbers are not supported", start);
            }
            var body = _text[digitsStart.._pos].Replace("_", "", StringComparison.Ordinal);
            if (body.Length == 0 || body == ".")
            {
                throw Fail("expected a number", start);
            }
            var negative = _text[start] == '-';
            if (isFloat)
            {
                if (!double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    throw Fail("bad float", start);
                }
                return JsonValue.Create(negative ? -d : d);
            }
            if (long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
            {
                return JsonValue.Create(negative ? -l : l);
            }
            if (decimal.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            {
                return JsonValue.Create(negative ? -m : m);
            }
            throw Fail("integer too large", start);
        }

        private bool TryConsume(char c)
        {
            if (!AtEnd && _text[_pos] == c)
            {
                _pos++;
                return true;
            }
            return false;
        }

        private string Where(int at)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < at && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            return string.Create(CultureInfo.InvariantCulture, $"line {line}, column {at - lineStart + 1}");
        }

        private static string Printable(char c) =>
            char.IsControl(c) || char.IsSurrogate(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();

        private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
    }
}
