using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Channels;
using PartyAssistant.Hosting;

namespace PartyAssistant.Cli.Hosting;

/// <summary>
/// On stop, answers already being written get the grace (<see cref="HostingOptions.ShutdownGraceSeconds"/>) to be sent;
/// what is left is cancelled when the dispatcher is disposed, stays stored, and is answered after the next start.
/// An event a webhook accepts meanwhile is stored first, so it too is answered now or after the next start.
/// </summary>
public sealed partial class InboxDrain(ChannelDispatcher inbox, IOptions<HostingOptions> options, TimeProvider clock, ILogger<InboxDrain> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + options.Value.ShutdownGrace;
        while (inbox.InFlight > 0 && clock.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, CancellationToken.None).ConfigureAwait(false);
        }

        if (inbox.InFlight > 0)
        {
            LogLeftInInbox(logger, inbox.InFlight);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dừng: {Count} tin nhắn chưa trả lời xong được giữ trong hộp thư đến, sẽ trả lời khi khởi động lại.")]
    private static partial void LogLeftInInbox(ILogger logger, int count);
}
