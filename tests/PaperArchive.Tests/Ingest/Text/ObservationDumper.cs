using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperArchive.Ingest;
using PaperArchive.Model;

namespace PaperArchive.Tests.Ingest;

/// <summary>A deterministic JSON dump of a read result for golden files: every field, invariant formats, fixed order.</summary>
internal static class ObservationDumper
{
    public static string Dump(ListingReadResult result, string displayName)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("file", displayName);
            w.WriteString("kind", result.Kind?.ToString());
            w.WriteString("listingDate", Date(result.ListingDate));
            w.WriteBoolean("isDailyListing", result.IsDailyListing);
            w.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics)
            {
                w.WriteStringValue($"{d.Severity.ToString().ToLowerInvariant()} ({d.Location}): {d.Message}");
            }
            w.WriteEndArray();
            w.WriteStartArray("observations");
            foreach (var o in result.Observations)
            {
                var p = o.Paper;
                w.WriteStartObject();
                w.WriteString("item", o.Item);
                w.WriteString("id", p.Id);
                w.WriteString("arxivId", p.ArxivId);
                w.WriteString("title", p.Title);
                w.WriteString("abstract", p.Abstract);
                w.WriteStartArray("authors");
                foreach (var a in p.Authors)
                {
                    w.WriteStringValue(a.HfUser is null ? a.Name : $"{a.Name} (@{a.HfUser})");
                }
                w.WriteEndArray();
                Int(w, "authorCount", p.AuthorCount);
                w.WriteString("organization", p.Organization);
                w.WriteString("organizationHandle", p.OrganizationHandle);
                w.WriteString("publishedOn", Date(p.PublishedOn));
                w.WriteStartArray("listedOn");
                foreach (var d in p.ListedOn)
                {
                    w.WriteStringValue(Date(d));
                }
                w.WriteEndArray();
                w.WriteStartArray("snapshots");
                foreach (var s in p.Snapshots)
                {
                    w.WriteStartObject();
                    w.WriteString("date", Date(s.Date));
                    Int(w, "upvotes", s.Upvotes);
                    Int(w, "comments", s.Comments);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteString("submittedBy", p.SubmittedBy);
                w.WriteString("aiSummary", p.AiSummary);
                w.WriteStartArray("aiKeywords");
                foreach (var k in p.AiKeywords)
                {
                    w.WriteStringValue(k);
                }
                w.WriteEndArray();
                w.WriteString("githubRepo", p.GithubRepo);
                Int(w, "githubStars", p.GithubStars);
                w.WriteString("projectPage", p.ProjectPage);
                w.WriteString("thumbnail", p.Thumbnail);
                w.WriteStartArray("mediaUrls");
                foreach (var m in p.MediaUrls)
                {
                    w.WriteStringValue(m);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Int(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
