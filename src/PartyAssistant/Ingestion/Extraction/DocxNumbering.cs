using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Produces the marker Word would draw in front of an automatically numbered paragraph ("1. ",
/// "a) ", "- "): khoản and điểm are often numbered this way, and without the marker the structure
/// recogniser cannot see where a khoản starts. Counters run per numbering instance (numId) and level.
/// </summary>
internal sealed class DocxNumbering
{
    private readonly Dictionary<int, NumberingInstance> instances = [];
    private readonly Dictionary<int, AbstractNum> abstracts = [];
    private readonly Dictionary<string, Style> paragraphStyles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int[]> counters = [];

    public DocxNumbering(MainDocumentPart main)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var abstractNum in numbering.Elements<AbstractNum>())
            {
                if (abstractNum.AbstractNumberId?.Value is int id)
                {
                    this.abstracts[id] = abstractNum;
                }
            }

            foreach (var instance in numbering.Elements<NumberingInstance>())
            {
                if (instance.NumberID?.Value is int id)
                {
                    this.instances[id] = instance;
                }
            }
        }

        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.Type?.Value == StyleValues.Paragraph && style.StyleId?.Value is { } styleId)
            {
                this.paragraphStyles[styleId] = style;
            }
        }
    }

    /// <summary>The marker with its trailing space, or "" for a paragraph that is not numbered.</summary>
    public string NextMarker(Paragraph paragraph)
    {
        var (numId, level) = this.FindNumbering(paragraph);
        if (numId is not int id || id == 0 || !this.instances.TryGetValue(id, out var instance))
        {
            return "";
        }

        var abstractId = instance.AbstractNumId?.Val?.Value;
        if (abstractId is null || !this.abstracts.TryGetValue(abstractId.Value, out var abstractNum))
        {
            return "";
        }

        level = Math.Clamp(level, 0, 8);
        var counts = this.CountersFor(id, instance, abstractNum);
        counts[level]++;
        for (var deeper = level + 1; deeper < counts.Length; deeper++)
        {
            // A new khoản restarts its điểm.
            counts[deeper] = StartValue(instance, abstractNum, deeper) - 1;
        }

        var levelDefinition = FindLevel(abstractNum, level);
        var format = levelDefinition?.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal;
        if (format == NumberFormatValues.Bullet)
        {
            return "- ";
        }

        if (format == NumberFormatValues.None)
        {
            return "";
        }

        var template = levelDefinition?.LevelText?.Val?.Value ?? $"%{level + 1}.";
        var marker = template;
        for (var i = 0; i <= level; i++)
        {
            var lvlFormat = FindLevel(abstractNum, i)?.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal;
            marker = marker.Replace($"%{i + 1}", Format(Math.Max(counts[i], 1), lvlFormat), StringComparison.Ordinal);
        }

        var suffix = levelDefinition?.LevelSuffix?.Val?.Value;
        return marker.Length == 0 ? "" : suffix == LevelSuffixValues.Nothing ? marker : marker + " ";
    }

    private (int? NumId, int Level) FindNumbering(Paragraph paragraph)
    {
        var direct = paragraph.ParagraphProperties?.NumberingProperties;
        if (direct?.NumberingId?.Val?.Value is int directId)
        {
            return (directId, direct.NumberingLevelReference?.Val?.Value ?? 0);
        }

        // Headings and list styles carry their numbering in the style, possibly inherited.
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var level = direct?.NumberingLevelReference?.Val?.Value;
        for (var depth = 0; styleId is not null && depth < 10 && this.paragraphStyles.TryGetValue(styleId, out var style); depth++)
        {
            var styleNumbering = style.StyleParagraphProperties?.NumberingProperties;
            if (styleNumbering?.NumberingId?.Val?.Value is int styleNumId)
            {
                return (styleNumId, level ?? styleNumbering.NumberingLevelReference?.Val?.Value ?? 0);
            }

            styleId = style.BasedOn?.Val?.Value;
        }

        return (null, 0);
    }

    private int[] CountersFor(int numId, NumberingInstance instance, AbstractNum abstractNum)
    {
        if (!this.counters.TryGetValue(numId, out var counts))
        {
            counts = new int[9];
            for (var level = 0; level < counts.Length; level++)
            {
                counts[level] = StartValue(instance, abstractNum, level) - 1;
            }

            this.counters[numId] = counts;
        }

        return counts;
    }

    private static int StartValue(NumberingInstance instance, AbstractNum abstractNum, int level)
    {
        var overridden = instance.Elements<LevelOverride>()
            .FirstOrDefault(o => o.LevelIndex?.Value == level)?.StartOverrideNumberingValue?.Val?.Value;
        return overridden ?? FindLevel(abstractNum, level)?.StartNumberingValue?.Val?.Value ?? 1;
    }

    private static Level? FindLevel(AbstractNum abstractNum, int level) =>
        abstractNum.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);

    private static string Format(int value, NumberFormatValues format)
    {
        if (format == NumberFormatValues.LowerLetter)
        {
            return Letters(value);
        }

        if (format == NumberFormatValues.UpperLetter)
        {
            return Letters(value).ToUpperInvariant();
        }

        if (format == NumberFormatValues.UpperRoman)
        {
            return Roman(value);
        }

        if (format == NumberFormatValues.LowerRoman)
        {
            return Roman(value).ToLowerInvariant();
        }

        // Decimal, and the formats not worth imitating (ordinals, East Asian counting) read as decimal.
        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static string Letters(int value)
    {
        // Word repeats the letter past z: aa, bb, ...
        var letter = (char)('a' + ((value - 1) % 26));
        return new string(letter, ((value - 1) / 26) + 1);
    }

    private static string Roman(int value)
    {
        ReadOnlySpan<(int Value, string Symbol)> table =
        [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];
        var result = new System.Text.StringBuilder();
        foreach (var (number, symbol) in table)
        {
            while (value >= number)
            {
                result.Append(symbol);
                value -= number;
            }
        }

        return result.ToString();
    }
}
