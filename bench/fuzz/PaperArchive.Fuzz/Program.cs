using System.Text;
using PaperArchive.Archive;
using PaperArchive.Build;
using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Ingest.Html;
using PaperArchive.Ingest.Json;
using PaperArchive.Ingest.Text;
using PaperArchive.Topics;
using SharpFuzz;

// One executable, one harness per importer, chosen by the first argument. Each harness calls the
// format's own Read/Parse directly, bypassing ListingReader's last-resort catch, so a parser bug
// surfaces as an uncaught exception (an AFL crash) instead of a diagnostic.
// Run a single input without AFL: `dotnet PaperArchive.Fuzz.dll <harness> --replay <file>...`.
var harnesses = new Dictionary<string, Action<string>>(StringComparer.Ordinal)
{
    ["json"] = text => Check(new ApiJsonFormat().Read(text, "fuzz.json")),
    ["listing-html"] = text => Check(new ListingHtmlFormat().Read(text, "fuzz.html")),
    ["paper-html"] = text => Check(new PaperHtmlFormat().Read(text, "fuzz.html")),
    ["page-text"] = text => Check(new PageTextFormat().Read(text, "fuzz.md")),
    ["archive"] = text =>
    {
        var diagnostics = new List<Diagnostic>();
        PaperPage.Parse(text, "papers/fuzz.md", diagnostics);
        DayPage.Parse(text, "days/fuzz.md", diagnostics);
    },
    ["topics"] = text => TopicRules.Parse(text, "topics.yml"),
    ["site"] = text => SiteConfigLoader.Parse(text, "site.yml"),
};

if (args.Length == 0 || !harnesses.TryGetValue(args[0], out var harness))
{
    Console.Error.WriteLine("usage: PaperArchive.Fuzz <" + string.Join('|', harnesses.Keys) + "> [--replay file...]");
    return 2;
}

var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
if (args.Length > 1 && args[1] == "--replay")
{
    foreach (var file in args.Skip(2))
    {
        harness(utf8.GetString(File.ReadAllBytes(file)));
        Console.WriteLine("ok: " + file);
    }
    return 0;
}

// Decode like ListingReader.Read does (invalid bytes become U+FFFD), so inputs mean what a file would.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    harness(utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
});
return 0;

// A reader may report anything as a diagnostic, but what it does return must be usable.
static void Check(ListingReadResult result)
{
    foreach (var o in result.Observations)
    {
        if (string.IsNullOrWhiteSpace(o.Paper.Id) || string.IsNullOrWhiteSpace(o.Paper.Title))
        {
            throw new InvalidOperationException("observation without id or title");
        }
    }
}
