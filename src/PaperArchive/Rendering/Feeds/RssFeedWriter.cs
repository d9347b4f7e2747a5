using System.Globalization;
using System.Xml;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Feeds;

/// <summary>RSS 2.0 for any list of papers.</summary>
public static class RssFeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public static void Write(Stream output, FeedInfo feed, IEnumerable<PaperModel> papers)
    {
        using var xml = XmlWriter.Create(output, AtomFeedWriter.Settings());
        xml.WriteStartDocument();
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "atom", null, AtomNs);
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", FeedText.StripControl(feed.Title));
        xml.WriteElementString("link", FeedText.Absolute(feed.BaseUrl, feed.PagePath));
        xml.WriteElementString("description", FeedText.StripControl(feed.Description));
        xml.WriteElementString("language", feed.Language);
        xml.WriteElementString("lastBuildDate", Rfc822(feed.Updated));
        xml.WriteElementString("generator", "PaperArchive");
        xml.WriteStartElement("atom", "link", AtomNs);
        xml.WriteAttributeString("href", FeedText.Absolute(feed.BaseUrl, feed.SelfPath));
        xml.WriteAttributeString("rel", "self");
        xml.WriteAttributeString("type", "application/rss+xml");
        xml.WriteEndElement();
        foreach (var p in papers)
        {
            var url = FeedText.Absolute(feed.BaseUrl, p.Url);
            xml.WriteStartElement("item");
            xml.WriteElementString("title", FeedText.StripControl(p.Title));
            xml.WriteElementString("link", url);
            xml.WriteStartElement("guid");
            xml.WriteAttributeString("isPermaLink", "true");
            xml.WriteString(url);
            xml.WriteEndElement();
            xml.WriteElementString("pubDate", Rfc822(FeedText.ItemDate(p, feed.Updated)));
            foreach (var k in p.Keywords)
            {
                xml.WriteElementString("category", FeedText.StripControl(k.Name));
            }
            xml.WriteElementString("description", FeedText.Summary(p));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string Rfc822(DateOnly d) => FeedText.Midnight(d).ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
