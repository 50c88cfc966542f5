using PartyAssistant.Corpus;
using PartyAssistant.Facts;

namespace PartyAssistant.Outlines;

/// <summary>
/// "Số liệu và mốc thời gian cần nhớ": every sentence of the document with a percentage, a
/// quantity, a milestone or a concrete frequency, with those facts as written and the passage cited.
/// </summary>
internal static class FigureCollector
{
    public static IReadOnlyList<OutlineFigure> Collect(CorpusDocument document)
    {
        var figures = new List<OutlineFigure>();
        foreach (var passage in DocumentParts.Taught(document).Where(p => !PassageHeadings.RepeatsHeading(p)))
        {
            var source = new OutlineCitation(passage.Label, passage.Id);
            foreach (var sentence in KeyPointSelector.Statements(passage.Text))
            {
                var facts = FactExtractor.Extract(sentence).Where(IsFigure).ToList();
                if (facts.Count > 0)
                {
                    figures.Add(new OutlineFigure(facts, sentence, source));
                }
            }
        }

        return figures;
    }

    /// <summary>
    /// A figure to remember: a percentage, a quantity, a milestone or a concrete frequency. Not the
    /// date that only names a cited document ("Kết luận số 01-KL/TW ngày 18/5/2021"), not an "as of"
    /// date of a summary's check, and not "định kỳ" or "thường xuyên", which name no rhythm.
    /// </summary>
    public static bool IsFigure(Fact fact) => fact.Kind switch
    {
        FactKind.Percent or FactKind.Quantity => true,
        FactKind.Time => !fact.DatesDocument && !fact.IsStatusDate,
        FactKind.Frequency => Frequencies.IsConcrete(fact.Text),
        _ => false,
    };
}
