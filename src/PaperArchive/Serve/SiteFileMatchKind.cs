namespace PaperArchive.Serve;

public enum SiteFileMatchKind
{
    File,
    AddSlash,
    Missing,
}
