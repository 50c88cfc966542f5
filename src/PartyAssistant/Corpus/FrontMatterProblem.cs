using YamlDotNet.Core;

namespace PartyAssistant.Corpus;

/// <summary>
/// What is wrong with a front matter YamlDotNet could not read, said in Vietnamese from the line
/// it stopped at: the library's own English ("No node deserializer was able to deserialize…")
/// tells a corpus editor nothing.
/// </summary>
internal static class FrontMatterProblem
{
    /// <param name="line">The front matter line the parser stopped at, as written in the file.</param>
    /// <param name="fields">The fields a front matter may have, and the shape each one's value takes.</param>
    public static string Describe(YamlException exception, string line, IReadOnlyDictionary<string, FieldShape> fields)
    {
        var shown = line.Trim();
        if (exception is SyntaxErrorException or SemanticErrorException)
        {
            return $"cú pháp YAML sai ở dòng “{shown}”: kiểm tra dấu ngoặc, dấu ngoặc kép và thụt lề; giá trị có dấu “:” hoặc bắt đầu bằng “[”, “{{”, “*”, “&” thì đặt trong ngoặc kép.";
        }

        var colon = shown.IndexOf(':', StringComparison.Ordinal);
        var key = (colon < 0 ? shown : shown[..colon]).TrimStart('-', ' ').Trim();
        if (!fields.TryGetValue(key, out var shape))
        {
            return key.Length == 0 || colon < 0
                ? $"dòng “{shown}” không có dạng “tên: giá trị”."
                : $"trường “{key}” không có trong phần khai báo; các trường được dùng: {string.Join(", ", fields.Keys)}.";
        }

        var expected = shape switch
        {
            FieldShape.List => "cần một danh sách, mỗi mục một dòng “  - …” thụt vào dưới tên trường",
            FieldShape.Block => "cần các dòng con thụt vào (state, replaced_by, as_of, note)",
            _ => "cần một chuỗi trên cùng dòng (đặt trong ngoặc kép nếu có dấu “:”, “[” hay “#”)",
        };
        return $"giá trị của trường “{key}” không đúng dạng: {expected}.";
    }
}

/// <summary>The shape of a front matter field's value.</summary>
internal enum FieldShape
{
    Text,
    List,
    Block,
}
