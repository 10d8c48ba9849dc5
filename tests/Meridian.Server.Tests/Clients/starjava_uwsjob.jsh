// A UWS job driven by starjava's UwsJob, the client class inside STILTS and TOPCAT: multipart creation with a
// text and a file parameter (quoted boundary, chunked body, a Content-Type before each text part's
// disposition), start, waitForFinish, results, delete. Prints one "key=value" line per fact for the test.
import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import uk.ac.starlink.vo.*;

String list = System.getenv("MERIDIAN_JOB_LIST");
Path table = Paths.get(System.getenv("MERIDIAN_TABLE"));
byte[] content = Files.readAllBytes(table);
UwsJob.HTTP_CHUNK_SIZE = 64;
Map<String, String> texts = new LinkedHashMap<>();
texts.put("delimiter", "comma");
Map<String, HttpStreamParam> files = new LinkedHashMap<>();
files.put("table", new HttpStreamParam() {
    public Map<String, String> getHttpHeaders() { return Map.of("Content-Type", "text/csv"); }
    public void writeContent(OutputStream out) throws IOException { out.write(content); }
    public long getContentLength() { return -1; }
});
try {
    UwsJob job = UwsJob.createJob(list, texts, files);
    System.out.println("created=" + job.getJobUrl());
    System.out.println("phase.created=" + job.readInfo().getPhase());
    job.start();
    UwsJobInfo info = job.waitForFinish(200);
    System.out.println("phase.finished=" + info.getPhase());
    for (UwsJobInfo.Result result : info.getResults()) {
        System.out.println("result." + result.getId() + "=" + result.getHref());
    }
    for (UwsJobInfo.Parameter parameter : info.getParameters()) {
        System.out.println("parameter." + parameter.getId() + "=" + parameter.getValue());
    }
    job.postDelete();
    System.out.println("deleted=yes");
} catch (Throwable failure) {
    System.out.println("failure=" + failure);
    failure.printStackTrace(System.out);
}
/exit
