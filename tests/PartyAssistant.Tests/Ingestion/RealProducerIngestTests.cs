using System.Text.Json;
using PartyAssistant.Corpus;
using PartyAssistant.Fakes;
using PartyAssistant.Ingestion;
using PartyAssistant.Tests.Cli;

namespace PartyAssistant.Tests.Ingestion;

/// <summary>
/// The commune regulation as real producers emit it (Chromium's print to PDF, LibreOffice's .docx and
/// its print to PDF) ingests with no hints: every header field, every article and khoản, nothing of
/// the header left in the body.
/// </summary>
[Collection(nameof(RealProducerCollection))]
public sealed class RealProducerIngestTests(RealProducerDocuments documents) : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    public static TheoryData<string> Producers => ["chromium-pdf", "libreoffice-pdf", "libreoffice-docx"];

    private string FileOf(string producer) => producer switch
    {
        "chromium-pdf" => documents.ChromiumPdf,
        "libreoffice-pdf" => documents.LibreOfficePdf,
        _ => documents.LibreOfficeDocx,
    };

    [Theory]
    [MemberData(nameof(Producers))]
    public async Task Header_fields_are_read_without_hints(string producer)
    {
        var file = this.FileOf(producer);
        var extracted = await new DocumentTextExtractors().ExtractAsync(file, CancellationToken.None);
        var seen = string.Join(" | ", extracted.Paragraphs.Take(14).Select(p => p.Text));

        var metadata = OfficialTextRecognizer.Recognize(extracted.Paragraphs).Metadata;

        Assert.True(CommuneRegulation.Type == metadata.Type, $"type {metadata.Type} from: {seen}");
        Assert.True(CommuneRegulation.Number == metadata.Number, $"number {metadata.Number} from: {seen}");
        Assert.True(CommuneRegulation.Date == metadata.Date, $"date {metadata.Date} from: {seen}");
        Assert.True(CommuneRegulation.Title == metadata.Title, $"title {metadata.Title} from: {seen}");
        Assert.True(VietnameseTextEquals(CommuneRegulation.Issuer, metadata.Issuer), $"issuer {metadata.Issuer} from: {seen}");
        Assert.Equal(CommuneRegulation.Signer, metadata.Signer);
    }

    [Theory]
    [MemberData(nameof(Producers))]
    public async Task Every_article_and_khoan_becomes_a_passage_and_no_header_text_is_left_in_the_body(string producer)
    {
        var corpus = this.temp.CopyCorpus();
        var input = Path.Combine(this.temp.Path, "quy-dinh-27" + Path.GetExtension(this.FileOf(producer)));
        File.Copy(this.FileOf(producer), input);

        var result = await CliRunner.RunAsync(corpus, Path.Combine(this.temp.Path, "data"), "ingest", input, "--yes", "--json");

        Assert.True(result.ExitCode == 0, result.Console + result.Diagnostics);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(CommuneRegulation.Id, json.RootElement[0].GetProperty("id").GetString());
        var path = Path.Combine(corpus, CommuneRegulation.Id + ".md");
        AssertHasTheRegulationsBody(CorpusFileParser.Parse(path, File.ReadAllText(path)));
    }

    /// <summary>Every khoản a passage with its exact text, and no passage before Điều 1 or holding header text.</summary>
    /// <param name="tolerance">The character error rate allowed in each khoản (OCR); 0: exact.</param>
    internal static void AssertHasTheRegulationsBody(CorpusDocument document, double tolerance = 0)
    {
        var passages = document.Passages.Select(p => $"{p.Id}: {p.Text}").ToList();
        foreach (var (number, _, clauses) in CommuneRegulation.Articles)
        {
            for (var k = 0; k < clauses.Count; k++)
            {
                var id = $"{CommuneRegulation.Id}/dieu-{number}.{k + 1}";
                var passage = document.Passages.FirstOrDefault(p => p.Id == id);
                Assert.True(passage is not null, $"{id} missing; passages: {string.Join("\n", passages)}");
                if (tolerance == 0)
                {
                    Assert.Equal($"{k + 1}. {clauses[k]}", passage.Text);
                }
                else
                {
                    Assert.True(CharacterErrorRate.Of($"{k + 1}. {clauses[k]}", passage.Text) <= tolerance, $"{id}: {passage.Text}");
                }
            }
        }

        Assert.Equal(CommuneRegulation.Articles.Sum(a => a.Clauses.Count), document.Passages.Count(p => p.Id.Contains("/dieu-", StringComparison.Ordinal)));
        // Before the first article nothing: the header is metadata. After the articles, Nơi nhận and the signature.
        Assert.True(document.Passages.Select(p => p.Id).SequenceEqual(
            [.. CommuneRegulation.Articles.SelectMany(a => a.Clauses.Select((_, k) => $"{CommuneRegulation.Id}/dieu-{a.Number}.{k + 1}")), $"{CommuneRegulation.Id}/noi-nhan", $"{CommuneRegulation.Id}/ky"]),
            string.Join("\n", passages));
        Assert.EndsWith(CommuneRegulation.Signer, document.Passages[^1].Text, StringComparison.Ordinal);
        foreach (var header in new[] { "ĐẢNG CỘNG SẢN", "ĐẢNG UỶ XÃ", "ngày 15 tháng 3", "27-QĐ/ĐU", "QUY ĐỊNH", "2026" })
        {
            Assert.DoesNotContain(document.Passages, p => p.Text.Contains(header, StringComparison.Ordinal));
        }
    }

    private static bool VietnameseTextEquals(string expected, string? actual) =>
        actual is not null && PartyAssistant.Text.VietnameseText.Fold(expected) == PartyAssistant.Text.VietnameseText.Fold(actual);
}
