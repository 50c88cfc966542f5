using PartyAssistant.Corpus;
using PartyAssistant.Facts;

namespace PartyAssistant.Outlines;

/// <summary>
/// "Số liệu và mốc thời gian cần nhớ": every sentence of the document with a percentage, a
/// quantity, a point in time or a frequency, with those facts as written and the passage cited.
/// </summary>
internal static class FigureCollector
{
    public static IReadOnlyList<OutlineFigure> Collect(CorpusDocument document)
    {
        var figures = new List<OutlineFigure>();
        foreach (var passage in DocumentParts.Taught(document))
        {
            var source = new OutlineCitation(passage.Label, passage.Id);
            foreach (var sentence in PassageSentences.Split(passage.Text))
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

    public static bool IsFigure(Fact fact) => fact.Kind is FactKind.Percent or FactKind.Quantity or FactKind.Time or FactKind.Frequency;
}
