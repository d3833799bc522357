"""Interactive explorers: sliders that move a chart and its numbers, live in
Jupyter and in the HTML book. base.py states what an explorer is; svg.py
draws its charts, whose moving parts name their numbers (bindings.py); the
front-end is in assets/.

neuron     NeuronExplorer (chapter 1), GradientExplorer (chapter 3)
training   DescentExplorer (chapter 4), LayerExplorer (chapter 7)
curve      CurveExplorer (chapter 8)
"""

from helpers.explorers.base import Control, Explorer
from helpers.explorers.curve import CurveExplorer
from helpers.explorers.neuron import GradientExplorer, NeuronExplorer
from helpers.explorers.training import DescentExplorer, LayerExplorer

ALL = (NeuronExplorer, GradientExplorer, DescentExplorer, LayerExplorer, CurveExplorer)

__all__ = ["ALL", "Control", "CurveExplorer", "DescentExplorer", "Explorer", "GradientExplorer",
           "LayerExplorer", "NeuronExplorer"]
