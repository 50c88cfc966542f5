using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace PartyAssistant.Fakes;

/// <summary>
/// Makes <see cref="CommuneRegulation"/> the way offices do, with the real programs (Debian packages
/// chromium, libreoffice-writer, poppler-utils, img2pdf): Chromium prints the web page to PDF,
/// LibreOffice saves it as .docx and prints that .docx to PDF, and a "scan" is a PDF printed, turned
/// into page images and wrapped back into a PDF with no text layer. A missing program is an error
/// naming its package, never a silent skip.
/// </summary>
public static class OfficeProducers
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Chromium's print to PDF of the web page; the type and trích yếu on one line.</summary>
    public static async Task<string> ChromiumPdfAsync(string directory, CommuneRegulation.Layout layout, string name, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var html = Path.Combine(directory, name + ".html");
        await File.WriteAllTextAsync(html, CommuneRegulation.Html(layout), cancellationToken).ConfigureAwait(false);
        var pdf = Path.Combine(directory, name + ".pdf");
        var profile = Path.Combine(directory, ".chromium-" + name);
        await RunAsync("chromium", "chromium",
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={profile}", $"--print-to-pdf={pdf}", html],
            directory, cancellationToken).ConfigureAwait(false);
        return Exists(pdf, "chromium");
    }

    /// <summary>LibreOffice's .docx saved from the web page, and its print to PDF; the type above the trích yếu.</summary>
    public static async Task<(string Docx, string Pdf)> LibreOfficeAsync(string directory, CancellationToken cancellationToken)
    {
        var work = Path.Combine(directory, "libreoffice");
        Directory.CreateDirectory(work);
        var html = Path.Combine(work, "quy-dinh-27.html");
        await File.WriteAllTextAsync(html, CommuneRegulation.Html(new CommuneRegulation.Layout(TypeOnOneLine: false)), cancellationToken).ConfigureAwait(false);

        // A profile of its own: a second LibreOffice on the machine would otherwise hand the work to the first.
        var profile = "-env:UserInstallation=file://" + Path.Combine(work, ".profile");
        await RunAsync("soffice", "libreoffice-writer",
            [profile, "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", work, html],
            work, cancellationToken).ConfigureAwait(false);
        var docx = Exists(Path.ChangeExtension(html, ".docx"), "soffice");
        var pdfDirectory = Path.Combine(work, "pdf");
        await RunAsync("soffice", "libreoffice-writer", [profile, "--headless", "--convert-to", "pdf", "--outdir", pdfDirectory, docx], work, cancellationToken).ConfigureAwait(false);
        return (docx, Exists(Path.Combine(pdfDirectory, "quy-dinh-27.pdf"), "soffice"));
    }

    /// <summary>An image-only PDF of <paramref name="pdf"/> at <paramref name="dpi"/>, grey, as a scanner delivers it.</summary>
    public static async Task<string> ScanAsync(string pdf, int dpi, string target, CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileNameWithoutExtension(target));
        Directory.CreateDirectory(work);
        var prefix = Path.Combine(work, "page");
        await RunAsync("pdftoppm", "poppler-utils", ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", pdf, prefix], work, cancellationToken).ConfigureAwait(false);
        var pages = Directory.GetFiles(work, "page-*.png").Order(StringComparer.Ordinal).ToList();
        if (pages.Count == 0)
        {
            throw new InvalidOperationException($"pdftoppm made no page image from {pdf}.");
        }

        await RunAsync("img2pdf", "img2pdf", ["--output", target, .. pages], work, cancellationToken).ConfigureAwait(false);
        return Exists(target, "img2pdf");
    }

    /// <summary>Page images of <paramref name="pdf"/> (PNG) at <paramref name="dpi"/>, for the image-file path.</summary>
    public static async Task<IReadOnlyList<string>> PageImagesAsync(string pdf, int dpi, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var prefix = Path.Combine(directory, "trang");
        await RunAsync("pdftoppm", "poppler-utils", ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", pdf, prefix], directory, cancellationToken).ConfigureAwait(false);
        return Directory.GetFiles(directory, "trang-*.png").Order(StringComparer.Ordinal).ToList();
    }

    private static string Exists(string path, string tool) =>
        File.Exists(path) && new FileInfo(path).Length > 0 ? path : throw new InvalidOperationException($"{tool} did not write {path}.");

    private static async Task RunAsync(string program, string package, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Chromium and LibreOffice write caches under HOME; keep them in the test's folder.
        start.Environment["HOME"] = workingDirectory;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed: install the Debian package {package} (.ci/run does).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} took longer than {Timeout.TotalSeconds} s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
            }
        }
    }
}
