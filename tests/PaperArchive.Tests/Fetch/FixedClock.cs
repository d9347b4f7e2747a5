namespace PaperArchive.Tests.Fetch;

/// <summary>A clock whose "now" is fixed (so "today" and Retry-After dates are deterministic); waits still pass in real time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
