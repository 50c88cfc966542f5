using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PartyAssistant.Fakes;

/// <summary>
/// What every fake server stands on: Kestrel on 127.0.0.1 with a port the OS picks, configured by
/// nothing on the machine, and a stop that first cancels pending (delayed, long-polling) replies.
/// </summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private int disposed;

    public LoopbackHost(Action<WebApplication> map)
    {
        // The empty builder reads no appsettings/environment (ASPNETCORE_URLS etc.) and adds no log output,
        // so the host machine's configuration cannot change what the tests see.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        this.app = builder.Build();
        map(this.app);
    }

    /// <summary>Cancelled when the server stops: pending replies end instead of holding the shutdown.</summary>
    public CancellationToken Stopping => this.stopping.Token;

    /// <summary>The port the OS picked; known once started.</summary>
    public int Port { get; private set; }

    /// <summary>The address of <paramref name="path"/> on this server (it listens on 127.0.0.1 only).</summary>
    public Uri Address(string path = "") => new($"http://127.0.0.1:{this.Port}{path}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await this.app.StartAsync(cancellationToken);
        }
        catch
        {
            await this.DisposeAsync();
            throw;
        }

        this.Port = new Uri(this.app.Urls.Single()).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) == 1)
        {
            return;
        }

        await this.stopping.CancelAsync();
        await this.app.StopAsync();
        await this.app.DisposeAsync();
        this.stopping.Dispose();
    }
}
