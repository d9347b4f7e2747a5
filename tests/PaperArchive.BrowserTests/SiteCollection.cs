namespace PaperArchive.BrowserTests;

/// <summary>Browser tests share one built site and one Chromium: put <c>[Collection(SiteCollection.Name)]</c> on a test class.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Site";
}
