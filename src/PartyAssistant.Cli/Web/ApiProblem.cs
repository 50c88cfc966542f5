using Microsoft.AspNetCore.Http;

namespace PartyAssistant.Cli.Web;

/// <summary>The web door's errors: ProblemDetails with a Vietnamese title and detail, never a stack trace.</summary>
public static class ApiProblem
{
    public static IResult BadRequest(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ");

    public static IResult NotFound(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy");

    public static IResult TooLarge(long maxBytes, string setting = "Web:MaxBodyBytes") =>
        Results.Problem($"Nội dung yêu cầu quá lớn (tối đa {maxBytes / 1024} KB, {setting}).", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Quá lớn");

    public static IResult Unauthorized() =>
        Results.Problem("Cần mã quản trị (Web:AdminToken): đăng nhập ở /admin hoặc gửi tiêu đề Authorization: Bearer <mã>.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Chưa đăng nhập");

    public static IResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "5";
        return Results.Problem("Máy chủ đang bận ghi dữ liệu; xin gửi lại sau vài giây.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Tạm thời bận");
    }

    public static IResult AdminClosed() =>
        Results.Problem("Trang quản trị chưa được bật trên máy chủ này.", statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy");
}
