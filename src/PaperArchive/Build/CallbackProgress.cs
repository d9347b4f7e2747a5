namespace PaperArchive.Build;

/// <summary>
/// Reports on the calling thread. <see cref="Progress{T}"/> posts to the thread pool, so its reports
/// arrive late and out of order — after the build has finished.
/// </summary>
internal sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
