using System.Runtime;

namespace PaperArchive.Build;

/// <summary>
/// Keeps a large build's heap near what is live. Left to itself the collector lets a long batch job's heap grow to
/// several times its live data (100,000 papers: 5.3 GB peak for ~1.5 GB live), because this machine has memory to spare;
/// a CI runner with 7 GB does not. <see cref="Check"/> runs one compacting collection when the heap has grown past its
/// ceiling — <see cref="Growth"/> times what was live after the last one, and never below <see cref="Floor"/>, so
/// builds of ordinary size never collect. The build checks between steps and every few thousand rendered outputs.
/// Thread-safe.
/// </summary>
public sealed class HeapCeiling(long floor = HeapCeiling.DefaultFloor, double growth = HeapCeiling.DefaultGrowth)
{
    public const long DefaultFloor = 768L << 20;
    public const double DefaultGrowth = 1.4;

    private readonly Lock _gate = new();
    private long _ceiling = floor;

    public long Floor { get; } = floor;

    public double Growth { get; } = growth;

    /// <summary>One compacting collection now, whatever the heap's size (between the steps of an archive-scale build).</summary>
    public void Collect()
    {
        lock (_gate)
        {
            CollectNow();
        }
    }

    /// <summary>Collects when the heap is past the ceiling; true when it did.</summary>
    public bool Check()
    {
        if (GC.GetTotalMemory(forceFullCollection: false) < Volatile.Read(ref _ceiling))
        {
            return false;
        }
        lock (_gate)
        {
            if (GC.GetTotalMemory(forceFullCollection: false) < _ceiling)
            {
                return false;
            }
            CollectNow();
            return true;
        }
    }

    /// <summary>A compacting collection, large objects included, and the ceiling set from what survived it. Under <see cref="_gate"/>.</summary>
    private void CollectNow()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Volatile.Write(ref _ceiling, Math.Max(Floor, (long)(GC.GetTotalMemory(forceFullCollection: false) * Growth)));
    }
}
