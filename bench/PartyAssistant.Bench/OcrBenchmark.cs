using System.Diagnostics;
using System.Globalization;
using PartyAssistant.Fakes;
using PartyAssistant.Ingestion;
using PartyAssistant.Text;

namespace PartyAssistant.Bench;

/// <summary>How well one scan of the commune regulation was read: text, header fields, khoản, time.</summary>
public sealed record OcrRun(string Scan, int Pages, double CharacterErrorRate, int FieldsRight, int Fields, int ClausesFound, int ClausesExact, int Clauses, double SecondsPerPage);

/// <summary>
/// The OCR benchmark (`--ocr`): the commune regulation printed by Chromium, scanned at 300 and 200 dpi
/// and printed turned by ±2° then scanned at 300 dpi, each read through the ingest path (pdftoppm at
/// Ocr:RenderDpi, Tesseract vie, the PDF row and paragraph rules, the OCR repairs). The character
/// error rate compares the paragraphs read with the printed text (white space collapsed); the header
/// fields are type, number, date, issuer, trích yếu and signer; a khoản is found when its article and
/// number are, exact when its text is too.
/// </summary>
public static class OcrBenchmark
{
    public static async Task<IReadOnlyList<OcrRun>> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("pa-bench-ocr-");
        try
        {
            var straight = await OfficeProducers.ChromiumPdfAsync(work.FullName, new CommuneRegulation.Layout(TypeOnOneLine: true), "thang", cancellationToken);
            var scans = new List<(string Name, string Pdf)>
            {
                ("300 dpi", await OfficeProducers.ScanAsync(straight, 300, Path.Combine(work.FullName, "quet-300.pdf"), cancellationToken)),
                ("200 dpi", await OfficeProducers.ScanAsync(straight, 200, Path.Combine(work.FullName, "quet-200.pdf"), cancellationToken)),
            };
            foreach (var angle in new[] { 2.0, -2.0 })
            {
                var name = angle > 0 ? "nghieng-phai" : "nghieng-trai";
                var turned = await OfficeProducers.ChromiumPdfAsync(work.FullName, new CommuneRegulation.Layout(TypeOnOneLine: true, angle), name, cancellationToken);
                scans.Add(($"300 dpi, turned {angle.ToString("+0;-0", CultureInfo.InvariantCulture)}°", await OfficeProducers.ScanAsync(turned, 300, Path.Combine(work.FullName, name + "-300.pdf"), cancellationToken)));
            }

            var extractors = new DocumentTextExtractors();
            var runs = new List<OcrRun>();
            output.WriteLine("| scan | pages | CER | header fields right | khoản found | khoản exact | s/page |");
            output.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var (name, pdf) in scans)
            {
                var watch = Stopwatch.StartNew();
                var extracted = await extractors.ExtractAsync(pdf, cancellationToken);
                var seconds = watch.Elapsed.TotalSeconds;
                var run = Score(name, extracted, seconds);
                runs.Add(run);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {run.Scan} | {run.Pages} | {run.CharacterErrorRate:P2} | {run.FieldsRight}/{run.Fields} | {run.ClausesFound}/{run.Clauses} | {run.ClausesExact}/{run.Clauses} | {run.SecondsPerPage:0.0} |"));
            }

            return runs;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static OcrRun Score(string name, ExtractedText extracted, double seconds)
    {
        var read = string.Join('\n', extracted.Paragraphs.Select(p => p.Text));
        var cer = CharacterErrorRate.Of(CommuneRegulation.SourceText(), read);
        var recognized = OfficialTextRecognizer.Recognize(extracted.Paragraphs, fromScan: extracted.FromScan);
        var m = recognized.Metadata;
        var fields = new[]
        {
            m.Type == CommuneRegulation.Type, m.Number == CommuneRegulation.Number, m.Date == CommuneRegulation.Date,
            m.Issuer is not null && VietnameseText.Fold(m.Issuer) == VietnameseText.Fold(CommuneRegulation.Issuer) && VietnameseText.HasDiacritics(m.Issuer),
            m.Title == CommuneRegulation.Title, m.Signer == CommuneRegulation.Signer,
        };

        var clauses = new Dictionary<string, string>(StringComparer.Ordinal);
        string? article = null;
        foreach (var block in recognized.Body)
        {
            if (block.Kind == StructureKind.Article)
            {
                article = block.Marker;
            }
            else if (block.Kind == StructureKind.Clause && article is not null)
            {
                clauses.TryAdd($"{article}.{block.Marker}", block.Text);
            }
        }

        var expected = CommuneRegulation.Articles.SelectMany(a => a.Clauses.Select((text, k) => (Key: $"{a.Number}.{k + 1}", Text: text))).ToList();
        return new OcrRun(name, extracted.PageCount, cer, fields.Count(f => f), fields.Length,
            expected.Count(e => clauses.ContainsKey(e.Key)), expected.Count(e => clauses.GetValueOrDefault(e.Key) == e.Text), expected.Count,
            seconds / Math.Max(extracted.PageCount, 1));
    }
}
