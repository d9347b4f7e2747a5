namespace PaperArchive.Fetch;

/// <summary>What a run did for one day.</summary>
public enum DayOutcome
{
    /// <summary>A listing was saved for a day that had none.</summary>
    Saved,

    /// <summary>A more complete response replaced the saved listing.</summary>
    Updated,

    /// <summary>The saved listing is at least as complete as the response; nothing written.</summary>
    Unchanged,

    /// <summary>The response was smaller, empty or different; the saved listing was kept (and the response set aside).</summary>
    KeptExisting,

    /// <summary>The API listed no papers (weekend, holiday, or too early in the day); recorded in the state file.</summary>
    Empty,

    /// <summary>No usable response after all attempts.</summary>
    Failed,
}
