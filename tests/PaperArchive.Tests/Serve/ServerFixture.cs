using PaperArchive.Serve;

namespace PaperArchive.Tests.Serve;

/// <summary>One workspace and one running server (under /repo/, watching) shared by a test class; stopped at the end.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServeWorkspace Workspace { get; } = new();

    public PreviewServer Server { get; private set; } = null!;

    public List<string> Log { get; } = [];

    public int Port => new Uri(Server.Url).Port;

    public async Task InitializeAsync()
    {
        Server = await PreviewServer.StartAsync(
            new ServeOptions { Build = Workspace.BuildOptions with { SkipCheck = true }, Port = 0, BasePath = "/repo/" },
            line =>
            {
                lock (Log)
                {
                    Log.Add(line);
                }
            });
        if (!Server.Status.Ok)
        {
            throw new InvalidOperationException("first build failed: " + string.Join("\n", Server.Status.Errors));
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Workspace.Dispose();
    }
}
