namespace PaperArchive.Fetch;

public enum ListingVerdict
{
    /// <summary>Write the response over the saved listing.</summary>
    Replace,

    /// <summary>Keep the saved listing; the response adds nothing.</summary>
    Keep,

    /// <summary>Keep the saved listing and put the response in the rejected folder for inspection.</summary>
    KeepAndSetAside,
}
