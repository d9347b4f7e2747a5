namespace PaperArchive.Serve;

public enum RequestPathKind
{
    /// <summary>A path below the base path; look it up in the site.</summary>
    Site,

    /// <summary>"/" or the base path without its slash: redirect to the base path.</summary>
    RedirectToBase,

    /// <summary>A well-formed path outside the base path: 404.</summary>
    OutsideBase,

    /// <summary>Malformed, encoded traversal, dot segments, backslashes, control characters: 400.</summary>
    BadRequest,
}
