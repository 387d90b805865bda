// Imports a graph file with the Gephi toolkit, the way Gephi's File > Open does, and prints what
// Gephi made of it as JSON: counts, the attribute columns, the time bounds, every node and edge
// with its attributes, and the import report's issues.
//
//   java -Djava.awt.headless=true -cp gephi-toolkit-0.10.1-all.jar tests/graph/exports/gephi/GephiImport.java FILE
//
// Run by tests/graph/exports/test_gexf.py (java's single-file source launch: nothing to build).

import java.io.File;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Element;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

public class GephiImport {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GephiImport FILE");
            System.exit(2);
        }
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        Container container = importer.importFile(new File(args[0]));
        if (container == null) {
            System.err.println("Gephi could not import " + args[0]);
            System.exit(1);
        }
        importer.process(container, new DefaultProcessor(), workspace);
        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);

        StringBuilder out = new StringBuilder("{");
        out.append("\"nodes\":").append(model.getGraph().getNodeCount());
        out.append(",\"edges\":").append(model.getGraph().getEdgeCount());
        out.append(",\"directed\":").append(model.isDirected());
        out.append(",\"dynamic\":").append(model.isDynamic());
        out.append(",\"time_format\":").append(quote(String.valueOf(model.getTimeFormat())));
        Interval bounds = model.getTimeBounds();
        out.append(",\"time_bounds\":");
        if (bounds == null || Double.isInfinite(bounds.getLow())) {
            out.append("null");
        } else {
            out.append("[").append(quote(day(bounds.getLow()))).append(",").append(quote(day(bounds.getHigh()))).append("]");
        }
        out.append(",\"node_columns\":").append(columns(model.getNodeTable()));
        out.append(",\"edge_columns\":").append(columns(model.getEdgeTable()));

        out.append(",\"issues\":[");
        boolean first = true;
        Iterator<Issue> issues = container.getReport().getIssues(Integer.MAX_VALUE);
        while (issues.hasNext()) {
            Issue issue = issues.next();
            out.append(first ? "" : ",").append("{\"level\":").append(quote(issue.getLevel().toString()))
               .append(",\"message\":").append(quote(issue.getMessage())).append("}");
            first = false;
        }
        out.append("]");

        out.append(",\"node_list\":[");
        first = true;
        for (Node node : model.getGraph().getNodes()) {
            out.append(first ? "" : ",").append("{\"id\":").append(quote(String.valueOf(node.getId())))
               .append(",\"label\":").append(quote(node.getLabel()))
               .append(",\"color\":").append(quote(String.format("#%02x%02x%02x", node.getColor().getRed(),
                                                               node.getColor().getGreen(), node.getColor().getBlue())))
               .append(",\"attributes\":").append(attributes(node)).append("}");
            first = false;
        }
        out.append("]");

        out.append(",\"edge_list\":[");
        first = true;
        for (Edge edge : model.getGraph().getEdges()) {
            out.append(first ? "" : ",").append("{\"id\":").append(quote(String.valueOf(edge.getId())))
               .append(",\"source\":").append(quote(String.valueOf(edge.getSource().getId())))
               .append(",\"target\":").append(quote(String.valueOf(edge.getTarget().getId())))
               .append(",\"label\":").append(quote(edge.getLabel()))
               .append(",\"kind\":").append(quote(String.valueOf(edge.getTypeLabel())))
               .append(",\"directed\":").append(edge.isDirected())
               .append(",\"weight\":").append(edge.getWeight())
               .append(",\"intervals\":[");
            boolean firstInterval = true;
            for (Interval interval : edge.getIntervals()) {
                out.append(firstInterval ? "" : ",").append("[").append(quote(day(interval.getLow()))).append(",")
                   .append(quote(day(interval.getHigh()))).append("]");
                firstInterval = false;
            }
            out.append("],\"attributes\":").append(attributes(edge)).append("}");
            first = false;
        }
        out.append("]}");
        System.out.println(out);
        System.exit(0);  // the toolkit leaves non-daemon threads behind
    }

    private static String columns(Table table) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Column column : table) {
            out.append(first ? "" : ",").append(quote(column.getTitle())).append(":")
               .append(quote(column.getTypeClass().getSimpleName()));
            first = false;
        }
        return out.append("}").toString();
    }

    /** The element's own attributes (not Gephi's id, label, timeset and weight columns). */
    private static String attributes(Element element) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Column column : element.getAttributeColumns()) {
            if (column.isProperty()) {
                continue;
            }
            Object value = element.getAttribute(column);
            out.append(first ? "" : ",").append(quote(column.getTitle())).append(":").append(value(value));
            first = false;
        }
        return out.append("}").toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(value(Array.get(value, i)));
            }
            return "[" + String.join(",", items) + "]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    private static String day(double millis) {
        return Instant.ofEpochMilli((long) millis).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append("\"").toString();
    }
}
