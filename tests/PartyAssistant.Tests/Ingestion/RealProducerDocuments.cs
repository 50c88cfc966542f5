using PartyAssistant.Fakes;

namespace PartyAssistant.Tests.Ingestion;

/// <summary>
/// The commune regulation as Chromium and LibreOffice make it, and its scan, made once per test run
/// (each producer takes seconds) and shared by every test in <see cref="RealProducerCollection"/>.
/// The scan is made on first use, from the Chromium print.
/// </summary>
public sealed class RealProducerDocuments : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private readonly SemaphoreSlim scanGate = new(1, 1);
    private readonly Dictionary<int, string> scans = [];

    public string ChromiumPdf { get; private set; } = string.Empty;

    public string LibreOfficePdf { get; private set; } = string.Empty;

    public string LibreOfficeDocx { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var chromium = OfficeProducers.ChromiumPdfAsync(Path.Combine(this.temp.Path, "chromium"), new CommuneRegulation.Layout(TypeOnOneLine: true), "quy-dinh-27", CancellationToken.None);
        var libreOffice = OfficeProducers.LibreOfficeAsync(this.temp.Path, CancellationToken.None);
        this.ChromiumPdf = await chromium;
        (this.LibreOfficeDocx, this.LibreOfficePdf) = await libreOffice;
    }

    /// <summary>An image-only PDF of the Chromium print at <paramref name="dpi"/>.</summary>
    public async Task<string> ScanAsync(int dpi)
    {
        await this.scanGate.WaitAsync();
        try
        {
            if (!this.scans.TryGetValue(dpi, out var scan))
            {
                scan = await OfficeProducers.ScanAsync(this.ChromiumPdf, dpi, Path.Combine(this.temp.Path, "scans", $"ban-quet-{dpi}.pdf"), CancellationToken.None);
                this.scans[dpi] = scan;
            }

            return scan;
        }
        finally
        {
            this.scanGate.Release();
        }
    }

    public Task DisposeAsync()
    {
        this.scanGate.Dispose();
        this.temp.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(nameof(RealProducerCollection))]
public sealed class RealProducerCollection : ICollectionFixture<RealProducerDocuments>;
