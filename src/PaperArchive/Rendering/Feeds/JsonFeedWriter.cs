using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Feeds;

/// <summary>JSON Feed 1.1 (jsonfeed.org) for any list of papers.</summary>
public static class JsonFeedWriter
{
    public static void Write(Stream output, FeedInfo feed, IEnumerable<PaperModel> papers)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Default });
        json.WriteStartObject();
        json.WriteString("version", "https://jsonfeed.org/version/1.1");
        json.WriteString("title", feed.Title);
        json.WriteString("home_page_url", FeedText.Absolute(feed.BaseUrl, feed.PagePath));
        json.WriteString("feed_url", FeedText.Absolute(feed.BaseUrl, feed.SelfPath));
        json.WriteString("description", feed.Description);
        json.WriteString("language", feed.Language);
        json.WriteStartArray("items");
        foreach (var p in papers)
        {
            var url = FeedText.Absolute(feed.BaseUrl, p.Url);
            json.WriteStartObject();
            json.WriteString("id", url);
            json.WriteString("url", url);
            if (p.Links.ArxivAbs is not null)
            {
                json.WriteString("external_url", p.Links.ArxivAbs);
            }
            json.WriteString("title", FeedText.StripControl(p.Title));
            json.WriteString("content_text", FeedText.Summary(p));
            json.WriteString("date_published", FeedText.Midnight(FeedText.ItemDate(p, feed.Updated)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (p.Authors.Length > 0)
            {
                json.WriteStartArray("authors");
                foreach (var a in p.Authors)
                {
                    json.WriteStartObject();
                    json.WriteString("name", FeedText.StripControl(a.Name));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (p.Keywords.Length > 0)
            {
                json.WriteStartArray("tags");
                foreach (var k in p.Keywords)
                {
                    json.WriteStringValue(FeedText.StripControl(k.Name));
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
