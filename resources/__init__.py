"""The files shipped with convviz (installed as convviz.resources); convviz.shipped loads them."""
