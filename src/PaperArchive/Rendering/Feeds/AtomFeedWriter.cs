using System.Text;
using System.Xml;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Feeds;

/// <summary>Atom 1.0 (RFC 4287) for any list of papers — the site feed, a topic's feed.</summary>
public static class AtomFeedWriter
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static void Write(Stream output, FeedInfo feed, IEnumerable<PaperModel> papers)
    {
        using var xml = XmlWriter.Create(output, Settings());
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", Ns);
        xml.WriteAttributeString("xml", "lang", null, feed.Language);
        xml.WriteElementString("title", Ns, FeedText.StripControl(feed.Title));
        xml.WriteElementString("subtitle", Ns, FeedText.StripControl(feed.Description));
        xml.WriteElementString("id", Ns, FeedText.Absolute(feed.BaseUrl, feed.SelfPath));
        xml.WriteElementString("updated", Ns, FeedText.Midnight(feed.Updated).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Link(xml, "self", FeedText.Absolute(feed.BaseUrl, feed.SelfPath), "application/atom+xml");
        Link(xml, "alternate", FeedText.Absolute(feed.BaseUrl, feed.PagePath), "text/html");
        xml.WriteStartElement("generator", Ns);
        xml.WriteString("PaperArchive");
        xml.WriteEndElement();
        foreach (var p in papers)
        {
            var url = FeedText.Absolute(feed.BaseUrl, p.Url);
            var date = FeedText.Midnight(FeedText.ItemDate(p, feed.Updated)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            xml.WriteStartElement("entry", Ns);
            xml.WriteElementString("title", Ns, FeedText.StripControl(p.Title));
            xml.WriteElementString("id", Ns, url);
            Link(xml, "alternate", url, "text/html");
            if (p.Links.ArxivPdf is not null)
            {
                Link(xml, "related", p.Links.ArxivPdf, "application/pdf");
            }
            xml.WriteElementString("published", Ns, date);
            xml.WriteElementString("updated", Ns, date);
            foreach (var a in p.Authors)
            {
                xml.WriteStartElement("author", Ns);
                xml.WriteElementString("name", Ns, FeedText.StripControl(a.Name));
                xml.WriteEndElement();
            }
            if (p.Authors.Length == 0)
            {
                // Atom requires an author on every entry when the feed has none.
                xml.WriteStartElement("author", Ns);
                xml.WriteElementString("name", Ns, p.Organization?.Title ?? "Unknown");
                xml.WriteEndElement();
            }
            foreach (var k in p.Keywords)
            {
                xml.WriteStartElement("category", Ns);
                xml.WriteAttributeString("term", FeedText.StripControl(k.Name));
                xml.WriteEndElement();
            }
            xml.WriteStartElement("summary", Ns);
            xml.WriteAttributeString("type", "text");
            xml.WriteString(FeedText.Summary(p));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    internal static XmlWriterSettings Settings() => new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CheckCharacters = true,
    };

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
